package org.pathosynth.synth.internal.nn;

import java.util.List;

/**
 * Adam with PyTorch semantics: weight decay is L2 added to the gradient (not AdamW); optional
 * clipping of the global gradient norm before the step.
 */
public final class Adam {
    private final List<Parameter> parameters;
    private final double lr;
    private final double beta1;
    private final double beta2;
    private final double weightDecay;
    private final double clipNorm;
    private int step;

    public Adam(List<Parameter> parameters, double lr, double beta1, double beta2, double weightDecay, double clipNorm) {
        this.parameters = List.copyOf(parameters);
        this.lr = lr;
        this.beta1 = beta1;
        this.beta2 = beta2;
        this.weightDecay = weightDecay;
        this.clipNorm = clipNorm;
    }

    public void zeroGrad() {
        parameters.forEach(Parameter::zeroGrad);
    }

    /** The global L2 norm of the current gradients. */
    public double gradientNorm() {
        double s = 0;
        for (Parameter p : parameters) {
            for (double g : p.grad) {
                s += g * g;
            }
        }
        return Math.sqrt(s);
    }

    public void step() {
        step++;
        double scale = 1;
        if (clipNorm > 0) {
            double norm = gradientNorm();
            if (norm > clipNorm) {
                scale = clipNorm / (norm + 1e-6);
            }
        }
        double c1 = 1 - Math.pow(beta1, step);
        double c2 = 1 - Math.pow(beta2, step);
        double decay = weightDecay;
        double b1 = beta1;
        double b2 = beta2;
        double rate = lr;
        for (Parameter p : parameters) {
            double[] value = p.value;
            double[] grad = p.grad;
            double[] m = p.m;
            double[] v = p.v;
            for (int i = 0; i < value.length; i++) {
                double g = grad[i] * scale + decay * value[i];
                m[i] = b1 * m[i] + (1 - b1) * g;
                v[i] = b2 * v[i] + (1 - b2) * g * g;
                value[i] -= rate * (m[i] / c1) / (Math.sqrt(v[i] / c2) + 1e-8);
            }
            p.changed();
        }
    }
}
