/** JMH benchmarks of crmkit. */
package org.crmkit.benchmarks;
