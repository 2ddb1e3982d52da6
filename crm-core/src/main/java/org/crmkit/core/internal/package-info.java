/**
 * Implementation details of crmkit core; not exported, not API.
 */
package org.crmkit.core.internal;
