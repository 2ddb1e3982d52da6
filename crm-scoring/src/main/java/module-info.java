import org.crmkit.scoring.btyd.BtydModel;

/**
 * crmkit scoring: customer summaries, RFM, ABC analysis, lifetime value and the
 * probabilistic buy-till-you-die models.
 *
 * <p>Researchers add their own buy-till-you-die model by implementing
 * {@link org.crmkit.scoring.btyd.BtydModel} and declaring it as a service provider;
 * {@link org.crmkit.scoring.btyd.BtydModels} finds it by name.
 */
@SuppressWarnings({"requires-automatic", "requires-transitive-automatic"})
module org.crmkit.scoring {
    requires transitive org.crmkit.core;
    requires com.fasterxml.jackson.databind;
    requires org.slf4j;
    // Hipparchus 3.1 jars carry no module descriptor: automatic module names.
    requires hipparchus.core;
    requires hipparchus.optim;

    exports org.crmkit.scoring;
    exports org.crmkit.scoring.summary;
    exports org.crmkit.scoring.rfm;
    exports org.crmkit.scoring.concentration;
    exports org.crmkit.scoring.value;
    exports org.crmkit.scoring.btyd;
    exports org.crmkit.scoring.evaluation;
    exports org.crmkit.scoring.inference;
    exports org.crmkit.scoring.satisfaction;
    exports org.crmkit.scoring.campaign;
    exports org.crmkit.scoring.service;
    exports org.crmkit.scoring.churn;
    exports org.crmkit.scoring.loyalty;
    exports org.crmkit.scoring.basket;
    exports org.crmkit.scoring.retention;
    exports org.crmkit.scoring.uncertainty;
    exports org.crmkit.scoring.diagnostics;

    uses BtydModel;
    provides BtydModel with
            org.crmkit.scoring.btyd.internal.BgNbdModel,
            org.crmkit.scoring.btyd.internal.MbgNbdModel,
            org.crmkit.scoring.btyd.internal.GammaGammaModel,
            org.crmkit.scoring.btyd.internal.ParetoNbdModel,
            org.crmkit.scoring.btyd.internal.BgBbModel,
            org.crmkit.scoring.btyd.internal.GGompertzNbdModel;
}
