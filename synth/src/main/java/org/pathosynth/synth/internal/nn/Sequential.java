package org.pathosynth.synth.internal.nn;

import java.util.ArrayList;
import java.util.List;

/** Layers applied in order. */
public final class Sequential implements Layer {
    private final List<Layer> layers;

    public Sequential(List<Layer> layers) {
        this.layers = List.copyOf(layers);
    }

    @Override
    public Matrix forward(Matrix x, boolean training) {
        Matrix h = x;
        for (Layer l : layers) {
            h = l.forward(h, training);
        }
        return h;
    }

    @Override
    public Matrix backward(Matrix g) {
        return backwardDownTo(0, g);
    }

    /** The first layer needs no input gradient: it stops at its parameters. */
    @Override
    public void backwardToParameters(Matrix g) {
        layers.get(0).backwardToParameters(backwardDownTo(1, g));
    }

    /** The gradient at the input of layer {@code first}, back through the layers after it. */
    private Matrix backwardDownTo(int first, Matrix g) {
        Matrix d = g;
        for (int i = layers.size() - 1; i >= first; i--) {
            d = layers.get(i).backward(d);
        }
        return d;
    }

    public List<Layer> layers() {
        return layers;
    }

    @Override
    public List<Parameter> parameters() {
        List<Parameter> out = new ArrayList<>();
        layers.forEach(l -> out.addAll(l.parameters()));
        return out;
    }
}
