/**
 * Finding and merging duplicate customer records (客户合并) without losing history.
 *
 * <p>Entry points: {@link org.crmkit.core.merge.DuplicateDetector} finds candidate pairs
 * with the reasons they matched; {@link org.crmkit.core.merge.CustomerMerger} merges two
 * records and their activities by documented survivorship rules.
 */
package org.crmkit.core.merge;
