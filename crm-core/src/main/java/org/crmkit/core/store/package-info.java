/**
 * Where customers and their activities are kept: the small
 * {@link org.crmkit.core.store.CustomerStore} SPI with optimistic versioning, and its
 * thread-safe in-memory implementation from {@link org.crmkit.core.store.CustomerStore#inMemory}.
 */
package org.crmkit.core.store;
