/** Root package of crmkit core. */
package org.crmkit.core;
