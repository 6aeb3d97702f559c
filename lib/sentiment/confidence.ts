/**
 * Below this calibrated confidence a label is right less than about half the time on
 * cross-validation: the badge shows it as uncertain instead of asserting it. No dependencies, so
 * the content script can import it without the model.
 */
export const UNCERTAIN_BELOW = 0.5;

export const isUncertain = (confidence: number): boolean => confidence < UNCERTAIN_BELOW;
