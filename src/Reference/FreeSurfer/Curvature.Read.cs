namespace Conformance.Reference.FreeSurfer;

public sealed partial class Curvature
{
    public static Curvature Read(string path) => Parse(File.ReadAllBytes(path), Path.GetFileName(path));

    public static Curvature Parse(ReadOnlySpan<byte> bytes, string file)
    {
        var input = new BigEndianSpan(bytes, file);
        int magic = input.Int24(FreeSurferRules.CurvatureHeader, "the magic number or vertex count");
        if (magic == NewMagic)
        {
            int countsAt = input.Position;
            int vertexCount = input.Int32(FreeSurferRules.CurvatureHeader, "the vertex count");
            int faceCount = input.Int32(FreeSurferRules.CurvatureHeader, "the face count");
            int perVertexAt = input.Position;
            int perVertex = input.Int32(FreeSurferRules.CurvatureHeader, "the values per vertex");
            if (perVertex != 1)
            {
                throw new ConformanceException(FreeSurferRules.CurvatureValuesPerVertex, input.At(perVertexAt), $"{perVertex} values per vertex; FreeSurfer reads only 1", Outcome.Unsupported);
            }
            if (vertexCount < 0 || vertexCount * 4L > input.Remaining)
            {
                throw new ConformanceException(FreeSurferRules.CurvatureHeader, input.At(countsAt), $"{vertexCount} values do not fit in the {input.Remaining} bytes left");
            }
            float[] values = new float[vertexCount];
            for (int i = 0; i < values.Length; i++)
            {
                values[i] = input.Single(FreeSurferRules.CurvatureHeader, "a value");
            }
            return new Curvature(values) { FaceCount = faceCount, SourceFormat = CurvatureFormat.New };
        }
        else
        {
            int faceCount = input.Int24(FreeSurferRules.CurvatureOldData, "the face count");
            if (magic * 2L > input.Remaining)
            {
                throw new ConformanceException(FreeSurferRules.CurvatureOldData, input.At(0), $"{magic} values do not fit in the {input.Remaining} bytes left");
            }
            float[] values = new float[magic];
            for (int i = 0; i < values.Length; i++)
            {
                // MRISreadBinaryCurvature: the int16 is hundredths (i / 100.0).
                values[i] = (float)(input.Int16(FreeSurferRules.CurvatureOldData, "a value") / 100.0);
            }
            return new Curvature(values) { FaceCount = faceCount, SourceFormat = CurvatureFormat.Old };
        }
    }
}
