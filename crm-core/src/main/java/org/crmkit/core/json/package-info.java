/**
 * JSON for every model type through one entry point, {@link org.crmkit.core.json.CrmJson}.
 *
 * <p>Documents carry a schema version, unknown fields and invalid values are rejected with
 * the JSON path in the message, and hostile input (deep nesting, huge strings) fails fast.
 */
package org.crmkit.core.json;
