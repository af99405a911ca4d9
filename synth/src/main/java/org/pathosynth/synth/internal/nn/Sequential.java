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
        return backward(g, Integer.MAX_VALUE);
    }

    @Override
    public Matrix backward(Matrix g, int columns) {
        int[] wanted = wantedInputColumns(columns);
        Matrix d = g;
        for (int i = layers.size() - 1; i >= 0; i--) {
            d = layers.get(i).backward(d, wanted[i]);
        }
        return d;
    }

    /** The first layer needs no input gradient: it stops at its parameters, and the layers above it compute only
     * the part of theirs that it reads. */
    @Override
    public void backwardToParameters(Matrix g) {
        int[] wanted = wantedInputColumns(0);
        Matrix d = g;
        for (int i = layers.size() - 1; i >= 1; i--) {
            d = layers.get(i).backward(d, wanted[i]);
        }
        layers.get(0).backwardToParameters(d);
    }

    @Override
    public int outputColumnsNeeded(int inputColumns) {
        return wantedInputColumns(inputColumns)[layers.size()];
    }

    /** Per layer, how many columns of dL/d(its input) are read, given that {@code columns} of the first are;
     * the last entry is for dL/d(output). */
    private int[] wantedInputColumns(int columns) {
        int[] wanted = new int[layers.size() + 1];
        wanted[0] = columns;
        for (int i = 0; i < layers.size(); i++) {
            wanted[i + 1] = layers.get(i).outputColumnsNeeded(wanted[i]);
        }
        return wanted;
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
