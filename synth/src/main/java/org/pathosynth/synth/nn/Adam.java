package org.pathosynth.synth.nn;

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
        for (Parameter p : parameters) {
            for (int i = 0; i < p.value.length; i++) {
                double g = p.grad[i] * scale + weightDecay * p.value[i];
                p.m[i] = beta1 * p.m[i] + (1 - beta1) * g;
                p.v[i] = beta2 * p.v[i] + (1 - beta2) * g * g;
                p.value[i] -= lr * (p.m[i] / c1) / (Math.sqrt(p.v[i] / c2) + 1e-8);
            }
        }
    }
}
