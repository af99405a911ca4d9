package org.pathosynth.extraction.student;

/** How the student's linear models are fitted: epochs over the data, Adagrad's learning rate, L2 penalty. */
record Training(int epochs, double learningRate, double l2) {
}
