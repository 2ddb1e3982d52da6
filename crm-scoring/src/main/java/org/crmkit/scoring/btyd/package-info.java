/**
 * Probabilistic "buy till you die" customer-base models: fitting, prediction,
 * simulation and persistence.
 *
 * <p>Entry points: {@link org.crmkit.scoring.btyd.BtydData} (model input),
 * {@link org.crmkit.scoring.btyd.BtydFitter} (maximum likelihood with diagnostics,
 * {@link org.crmkit.scoring.btyd.FitResult}), the models
 * {@link org.crmkit.scoring.btyd.BgNbd}, {@link org.crmkit.scoring.btyd.MbgNbd},
 * {@link org.crmkit.scoring.btyd.ParetoNbd}, {@link org.crmkit.scoring.btyd.BgBb} (discrete
 * opportunities) and {@link org.crmkit.scoring.btyd.GammaGamma}, their prediction interfaces
 * {@link org.crmkit.scoring.btyd.PurchaseModel} and
 * {@link org.crmkit.scoring.btyd.SpendModel}, JSON persistence in
 * {@link org.crmkit.scoring.btyd.BtydModelJson}, and the plug-in point
 * {@link org.crmkit.scoring.btyd.BtydModel} with its registry
 * {@link org.crmkit.scoring.btyd.BtydModels}.
 */
package org.crmkit.scoring.btyd;
