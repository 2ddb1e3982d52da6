/**
 * Implementation of the built-in buy-till-you-die models: likelihoods, special
 * functions, quadrature and optimisers. Not exported; the entry points are in
 * {@link org.crmkit.scoring.btyd}.
 */
package org.crmkit.scoring.btyd.internal;
