namespace Conformance.Reference.FreeSurfer;

public sealed partial class Annotation
{
    public static Annotation Read(string path) => Parse(File.ReadAllBytes(path), Path.GetFileName(path));

    public static Annotation Parse(ReadOnlySpan<byte> bytes, string file)
    {
        var input = new BigEndianSpan(bytes, file);
        int count = input.Int32(FreeSurferRules.AnnotationPairs, "the pair count");
        if (count < 0)
        {
            throw new ConformanceException(FreeSurferRules.AnnotationPairs, input.At(0), $"negative pair count {count}");
        }
        input.Need(count * 8L, FreeSurferRules.AnnotationPairs, $"{count} vertex/value pairs");
        int[] vertices = new int[count];
        int[] values = new int[count];
        for (int i = 0; i < count; i++)
        {
            int at = input.Position;
            vertices[i] = input.Int32(FreeSurferRules.AnnotationPairs, "a vertex");
            if (vertices[i] < 0)
            {
                throw new ConformanceException(FreeSurferRules.AnnotationVertex, input.At(at), $"negative vertex number {vertices[i]}");
            }
            values[i] = input.Int32(FreeSurferRules.AnnotationPairs, "a value");
        }
        if (input.Remaining == 0)
        {
            return new Annotation(vertices, values, null);
        }
        int tagAt = input.Position;
        int tag = input.Int32(FreeSurferRules.AnnotationColorTableTag, "the colour table tag");
        if (tag != ColorTableTag)
        {
            throw new ConformanceException(FreeSurferRules.AnnotationColorTableTag, input.At(tagAt), $"tag {tag} after the pairs; only the colour table tag 1 may follow");
        }
        return new Annotation(vertices, values, ColorTable.Read(ref input));
    }
}
