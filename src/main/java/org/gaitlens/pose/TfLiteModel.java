package org.gaitlens.pose;

import static org.bytedeco.tensorflowlite.global.tensorflowlite.TfLiteTensorData;
import static org.bytedeco.tensorflowlite.global.tensorflowlite.TfLiteTensorDim;
import static org.bytedeco.tensorflowlite.global.tensorflowlite.TfLiteTensorNumDims;

import java.nio.file.Path;
import java.util.Arrays;
import org.bytedeco.javacpp.FloatPointer;
import org.bytedeco.javacpp.IntPointer;
import org.bytedeco.javacpp.Pointer;
import org.bytedeco.tensorflowlite.BuiltinOpResolver;
import org.bytedeco.tensorflowlite.FlatBufferModel;
import org.bytedeco.tensorflowlite.Interpreter;
import org.bytedeco.tensorflowlite.InterpreterBuilder;
import org.bytedeco.tensorflowlite.TfLiteTensor;
import org.gaitlens.core.ModelMissingException;

/**
 * One TensorFlow Lite interpreter over one float32 model, through the bytedeco preset. The
 * {@link BuiltinOpResolver} applies the XNNPACK delegate (8-13x faster than the reference kernels on
 * x86). The model, resolver and builder stay referenced for the interpreter's whole life: JavaCPP frees
 * native memory when its Java peer is collected, and the interpreter points into all three.
 *
 * <p>Not thread-safe: one interpreter per thread.
 */
final class TfLiteModel implements AutoCloseable {
    private final Path file;
    private final FlatBufferModel model;
    private final BuiltinOpResolver resolver;
    private final InterpreterBuilder builder;
    private final Interpreter interpreter;
    private final int[][] outputShapes;
    private final int[] inputShape;
    private boolean closed;

    TfLiteModel(Path file, int threads) {
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be >= 1, was " + threads);
        }
        this.file = file;
        this.model = FlatBufferModel.BuildFromFile(file.toString());
        if (model == null || model.isNull() || !model.initialized()) {
            throw new ModelMissingException("pose model " + file + " cannot be loaded by TensorFlow Lite; "
                    + PoseModels.INSTALL_HINT);
        }
        this.resolver = new BuiltinOpResolver();
        this.builder = new InterpreterBuilder(model, resolver);
        builder.SetNumThreads(threads);
        this.interpreter = new Interpreter((Pointer) null);
        if (builder.apply(interpreter) != 0 || interpreter.AllocateTensors() != 0) {
            close();
            throw new ModelMissingException("pose model " + file + " cannot be prepared by TensorFlow Lite; "
                    + PoseModels.INSTALL_HINT);
        }
        this.inputShape = shape(interpreter.input_tensor(0));
        IntPointer outs = interpreter.outputs();
        int n = (int) outs.limit();
        this.outputShapes = new int[n][];
        for (int i = 0; i < n; i++) {
            outputShapes[i] = shape(interpreter.output_tensor(i));
        }
    }

    private static int[] shape(TfLiteTensor t) {
        int[] s = new int[TfLiteTensorNumDims(t)];
        for (int d = 0; d < s.length; d++) {
            s[d] = TfLiteTensorDim(t, d);
        }
        return s;
    }

    Path file() {
        return file;
    }

    int[] inputShape() {
        return inputShape.clone();
    }

    /** Index of the output whose shape equals {@code shape}. */
    int outputIndex(int... shape) {
        for (int i = 0; i < outputShapes.length; i++) {
            if (Arrays.equals(outputShapes[i], shape)) {
                return i;
            }
        }
        throw new ModelMissingException("pose model " + file + " has no output of shape " + Arrays.toString(shape)
                + " (outputs " + Arrays.deepToString(outputShapes) + "); " + PoseModels.INSTALL_HINT);
    }

    /** Whether some output has this shape. */
    boolean hasOutput(int... shape) {
        return Arrays.stream(outputShapes).anyMatch(s -> Arrays.equals(s, shape));
    }

    /** Copies {@code values} into the input tensor (whose element count it must match). */
    void setInput(FloatPointer values, long count) {
        TfLiteTensor in = interpreter.input_tensor(0);
        if (in.bytes() != count * Float.BYTES) {
            throw new IllegalArgumentException("input has " + in.bytes() / Float.BYTES + " floats, got " + count);
        }
        Pointer.memcpy(TfLiteTensorData(in), values, count * Float.BYTES);
    }

    void invoke() {
        if (interpreter.Invoke() != 0) {
            throw new IllegalStateException("TensorFlow Lite failed to run " + file);
        }
    }

    /** Copies output {@code index} into {@code dst} (whose length must match the output). */
    void readOutput(int index, float[] dst) {
        TfLiteTensor t = interpreter.output_tensor(index);
        if (t.bytes() != (long) dst.length * Float.BYTES) {
            throw new IllegalArgumentException("output " + index + " has " + t.bytes() / Float.BYTES
                    + " floats, buffer " + dst.length);
        }
        try (FloatPointer fp = new FloatPointer(TfLiteTensorData(t))) {
            fp.get(dst);
        }
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        interpreter.close();
        builder.close();
        resolver.close();
        model.close();
    }
}
