/**
 * The durable {@link org.crmkit.core.store.CustomerStore} over JDBC:
 * {@link org.crmkit.core.store.jdbc.JdbcCustomerStore}, built from the application's
 * {@link javax.sql.DataSource}, with versioned migration scripts shipped in the jar
 * ({@link org.crmkit.core.store.jdbc.SchemaMode}).
 *
 * <p>Supported and tested: H2 2.x and PostgreSQL 12 or later. Another database needs:
 * <ol>
 * <li>a folder of migration scripts {@code org/crmkit/core/store/jdbc/<name>/V1__customer_store.sql}
 *     (and the later versions) with its types for 64-bit integers, booleans, identity columns
 *     and text up to 1,000,000 characters, and a binary collation for the id columns so that
 *     ids sort as Java compares strings;</li>
 * <li>its name in the store's dialect list (the product name the driver reports);</li>
 * <li>{@code SELECT ... FOR UPDATE} row locks, {@code FETCH FIRST n ROWS ONLY}, foreign keys,
 *     generated keys from {@code INSERT} and READ COMMITTED isolation or stronger: the SQL the
 *     store sends uses nothing else;</li>
 * <li>the contract tests ({@code CustomerStoreContract} in the test sources) run against it.</li>
 * </ol>
 */
package org.crmkit.core.store.jdbc;
