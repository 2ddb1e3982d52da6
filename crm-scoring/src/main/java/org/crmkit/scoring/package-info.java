/** Root package of crmkit scoring. */
package org.crmkit.scoring;
