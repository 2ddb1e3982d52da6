package org.crmkit.scoring.satisfaction;

import java.util.Collection;
import java.util.Objects;
import org.crmkit.core.activity.SatisfactionSurvey;
import org.crmkit.scoring.inference.ConfidenceInterval;
import org.crmkit.scoring.inference.Difference;

/**
 * The net promoter score of a group of 0..10 likelihood-to-recommend answers: promoters
 * answer 9 or 10, passives 7 or 8, detractors 0 to 6, and
 * {@code NPS = pP - pD}, the share of promoters minus the share of detractors, as a
 * fraction in [-1, 1] (0.25, not 25).
 *
 * <p>Variance and standard error (Rocks 2016, "Interval estimation for the net promoter
 * score", <i>The American Statistician</i> 70(4): 365-372, section 2): coding a promoter as
 * +1, a passive as 0 and a detractor as -1, NPS is the mean of the codes, whose
 * per-answer variance is {@code E[X^2] - E[X]^2 = (pP + pD) - (pP - pD)^2}; the standard
 * error of NPS is {@code sqrt(variance / n)}.
 *
 * <p>Empty and tiny groups: an empty group has NPS 0, variance 0, standard error 0, a Wald
 * interval of the whole range [-1, 1] (nothing is known) and the adjusted-Wald interval of
 * its formula (n' = 3, pP' = pD' = 1/4: [-0.80, 0.80] at 95%). A group whose answers all
 * fall in one category has variance 0 and a zero-width Wald interval; use
 * {@link NpsIntervalMethod#ADJUSTED_WALD}. Every interval is cut to [-1, 1]. No method
 * returns NaN or infinity.
 *
 * <pre>{@code
 * NetPromoterScore nps = NetPromoterScore.ofAnswers(10, 9, 8, 7, 3, 10);   // 3 P, 2 passive, 1 D
 * nps.nps();                                      // 0.3333
 * nps.variance();                                 // 0.6667 - 0.1111 = 0.5556
 * nps.interval(0.95, NpsIntervalMethod.ADJUSTED_WALD);
 * }</pre>
 *
 * <p>Immutable and thread-safe. {@code equals} compares the three counts.
 *
 * @param promoters the number of answers 9 or 10, not negative
 * @param passives the number of answers 7 or 8, not negative
 * @param detractors the number of answers 0 to 6, not negative
 */
public record NetPromoterScore(long promoters, long passives, long detractors) {
    private static final double ADJUSTMENT = 0.75;

    /**
     * Validates the counts.
     *
     * @param promoters see the record component
     * @param passives see the record component
     * @param detractors see the record component
     * @throws IllegalArgumentException if a count is negative
     */
    public NetPromoterScore {
        if (promoters < 0 || passives < 0 || detractors < 0) {
            throw new IllegalArgumentException("counts must not be negative: promoters " + promoters
                    + ", passives " + passives + ", detractors " + detractors);
        }
    }

    /**
     * The score of no answers.
     *
     * @return the empty score, never null
     */
    public static NetPromoterScore empty() {
        return new NetPromoterScore(0, 0, 0);
    }

    /**
     * Counts 0..10 answers.
     *
     * @param answers the answers, not null, each 0..10
     * @return the score, never null
     * @throws IllegalArgumentException if an answer is outside 0..10 (naming its index)
     */
    public static NetPromoterScore ofAnswers(int... answers) {
        Objects.requireNonNull(answers, "answers");
        long p = 0;
        long d = 0;
        for (int i = 0; i < answers.length; i++) {
            int a = answers[i];
            if (a < 0 || a > 10) {
                throw new IllegalArgumentException("answer " + i + " is not 0..10: " + a);
            }
            if (a >= 9) {
                p++;
            } else if (a <= 6) {
                d++;
            }
        }
        return new NetPromoterScore(p, answers.length - p - d, d);
    }

    /**
     * Counts the NPS answers of surveys; surveys without an NPS answer are skipped.
     *
     * @param surveys the surveys, not null, no null element
     * @return the score, never null
     */
    public static NetPromoterScore ofSurveys(Collection<SatisfactionSurvey> surveys) {
        Objects.requireNonNull(surveys, "surveys");
        NetPromoterScore score = empty();
        for (SatisfactionSurvey s : surveys) {
            Objects.requireNonNull(s, "survey");
            Integer answer = s.npsAnswer();
            if (answer != null) {
                score = score.plus(answer);
            }
        }
        return score;
    }

    /**
     * Adds one answer.
     *
     * @param answer the answer, 0..10
     * @return the score with the answer counted, never null
     * @throws IllegalArgumentException if the answer is outside 0..10
     */
    public NetPromoterScore plus(int answer) {
        if (answer < 0 || answer > 10) {
            throw new IllegalArgumentException("answer is not 0..10: " + answer);
        }
        return answer >= 9 ? new NetPromoterScore(promoters + 1, passives, detractors)
                : answer >= 7 ? new NetPromoterScore(promoters, passives + 1, detractors)
                : new NetPromoterScore(promoters, passives, detractors + 1);
    }

    /**
     * Pools two groups.
     *
     * @param other the other group, not null
     * @return the pooled score, never null
     */
    public NetPromoterScore plus(NetPromoterScore other) {
        Objects.requireNonNull(other, "other");
        return new NetPromoterScore(promoters + other.promoters, passives + other.passives,
                detractors + other.detractors);
    }

    /**
     * Returns the number of answers.
     *
     * @return n, not negative
     */
    public long n() {
        return promoters + passives + detractors;
    }

    /**
     * Tells whether there is no answer.
     *
     * @return true if n is 0
     */
    public boolean isEmpty() {
        return n() == 0;
    }

    /**
     * Returns the share of promoters, 0 for an empty group.
     *
     * @return pP in [0, 1]
     */
    public double promoterShare() {
        return share(promoters);
    }

    /**
     * Returns the share of detractors, 0 for an empty group.
     *
     * @return pD in [0, 1]
     */
    public double detractorShare() {
        return share(detractors);
    }

    /**
     * Returns the net promoter score {@code pP - pD} as a fraction, 0 for an empty group.
     *
     * @return NPS in [-1, 1]
     */
    public double nps() {
        return promoterShare() - detractorShare();
    }

    /**
     * Returns the per-answer variance {@code (pP + pD) - (pP - pD)^2} of the +1/0/-1
     * codes, 0 for an empty group.
     *
     * @return the variance in [0, 1]
     */
    public double variance() {
        return variance(promoterShare(), detractorShare());
    }

    /**
     * Returns the standard error {@code sqrt(variance / n)} of the score, 0 for an empty
     * group.
     *
     * @return the standard error, not negative
     */
    public double standardError() {
        long n = n();
        return n == 0 ? 0 : Math.sqrt(variance() / n);
    }

    /**
     * Returns a two-sided confidence interval of the score, cut to [-1, 1].
     *
     * @param confidence the confidence level, in (0, 1)
     * @param method the method, not null
     * @return the interval, never null
     * @throws IllegalArgumentException if the confidence is not in (0, 1)
     */
    public ConfidenceInterval interval(double confidence, NpsIntervalMethod method) {
        Objects.requireNonNull(method, "method");
        if (method == NpsIntervalMethod.WALD) {
            if (isEmpty()) {
                ConfidenceInterval.z(confidence); // validates the level
                return new ConfidenceInterval(-1, 1, confidence);
            }
            return ConfidenceInterval.normal(nps(), standardError(), confidence).clip(-1, 1);
        }
        double n = n() + 4 * ADJUSTMENT;
        double p = (promoters + ADJUSTMENT) / n;
        double d = (detractors + ADJUSTMENT) / n;
        return ConfidenceInterval.normal(p - d, Math.sqrt(variance(p, d) / n), confidence).clip(-1, 1);
    }

    /**
     * Compares this group's score with another's: the difference {@code this - other}
     * with a two-sample z test and interval. With {@link NpsIntervalMethod#WALD} the plain
     * estimates and standard errors are used; with {@link NpsIntervalMethod#ADJUSTED_WALD}
     * each group is adjusted as for its interval (n + 3, counts + 3/4), as Lewis and Sauro
     * (MeasuringU 2021, "How to statistically compare two net promoter scores") propose.
     *
     * @param other the other group, not null
     * @param confidence the confidence level, in (0, 1)
     * @param method the method, not null
     * @return the difference, never null
     * @throws IllegalArgumentException if the confidence is not in (0, 1), or with
     *     {@code WALD} if a group is empty
     */
    public Difference compareTo(NetPromoterScore other, double confidence, NpsIntervalMethod method) {
        Objects.requireNonNull(other, "other");
        Objects.requireNonNull(method, "method");
        if (method == NpsIntervalMethod.WALD) {
            if (isEmpty() || other.isEmpty()) {
                throw new IllegalArgumentException("the Wald comparison needs answers in both groups: "
                        + n() + " and " + other.n());
            }
            return Difference.of(nps(), standardError(), other.nps(), other.standardError(), confidence);
        }
        return Difference.of(adjustedNps(), adjustedError(), other.adjustedNps(), other.adjustedError(),
                confidence);
    }

    private double adjustedNps() {
        double n = n() + 4 * ADJUSTMENT;
        return (promoters - detractors) / n;
    }

    private double adjustedError() {
        double n = n() + 4 * ADJUSTMENT;
        double p = (promoters + ADJUSTMENT) / n;
        double d = (detractors + ADJUSTMENT) / n;
        return Math.sqrt(variance(p, d) / n);
    }

    private static double variance(double p, double d) {
        double diff = p - d;
        return Math.max(0, p + d - diff * diff);
    }

    private double share(long count) {
        long n = n();
        return n == 0 ? 0 : (double) count / n;
    }
}
