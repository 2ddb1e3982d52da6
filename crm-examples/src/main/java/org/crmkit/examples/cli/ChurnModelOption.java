package org.crmkit.examples.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.crmkit.scoring.btyd.FittedModel;
import org.crmkit.scoring.btyd.PurchaseModel;
import org.crmkit.scoring.churn.LogisticChurnModel;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;

/**
 * The {@code --model} option of {@code crm churn score} and {@code crm churn evaluate}, as a
 * picocli mixin: a purchase model written by {@code crm fit} or a churn classifier written by
 * {@code crm churn train}, told apart by the classifier's model name in the JSON. Reading it
 * either way turns a bad file into a {@link BadInputException} naming the file.
 */
final class ChurnModelOption {
    @Option(names = "--model", required = true, paramLabel = "MODEL.json",
            description = "a purchase model (crm fit) or a churn classifier (crm churn train)")
    private Path model;

    /** @return the model file, never null */
    Path path() {
        return model;
    }

    /**
     * Reads the model file's text.
     *
     * @return the JSON, never null
     * @throws IOException if the file cannot be read
     */
    String read() throws IOException {
        return Files.readString(model);
    }

    /**
     * Tells whether a model file's text is a churn classifier rather than a purchase model.
     *
     * @param json the text from {@link #read()}, not null
     * @return whether it names {@link LogisticChurnModel#NAME}
     */
    static boolean isClassifier(String json) {
        return json.contains("\"" + LogisticChurnModel.NAME + "\"");
    }

    /**
     * Parses the churn classifier.
     *
     * @param json the text from {@link #read()}, not null
     * @return the classifier, never null
     * @throws BadInputException naming the model file if the JSON is not a valid classifier
     */
    LogisticChurnModel classifier(String json) {
        try {
            return LogisticChurnModel.fromJson(json);
        } catch (IllegalArgumentException e) {
            BadInputException b = new BadInputException(model, 0, null, e.getMessage());
            b.initCause(e);
            throw b;
        }
    }

    /**
     * Reads the purchase model.
     *
     * @param spec the command's spec (for standard input), not null
     * @return the model, never null
     * @throws IOException if the file cannot be read
     * @throws BadInputException naming the model file if it is not a model that predicts purchases
     */
    PurchaseModel purchaseModel(CommandSpec spec) throws IOException {
        FittedModel m = BtydCommands.readModel(spec, model);
        if (!(m instanceof PurchaseModel purchases)) {
            throw new BadInputException(model, 0, "model", "model '" + m.modelName() + "' does not predict purchases");
        }
        return purchases;
    }
}
