/**
 * The 360-degree view of a customer (一个完整的客户信息): the record plus all its activity in
 * time order, with derived facts, as of an explicit instant.
 *
 * <p>Entry point: {@link org.crmkit.core.view.CustomerView}.
 */
package org.crmkit.core.view;
