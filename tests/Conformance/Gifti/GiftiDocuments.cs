using System.Text;

namespace Conformance.Tests.Gifti;

/// <summary>Hand-written GIFTI documents, valid by default, for the reader's tests to break one piece at a time.</summary>
internal static class GiftiDocuments
{
    public const string Declaration = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n";

    public const string Doctype = "<!DOCTYPE GIFTI SYSTEM \"http://www.nitrc.org/frs/download.php/115/gifti.dtd\">\n";

    /// <summary>The attributes of a one-dimensional float array of three elements, as ASCII.</summary>
    public const string Attributes = "Intent=\"NIFTI_INTENT_NONE\" DataType=\"NIFTI_TYPE_FLOAT32\" ArrayIndexingOrder=\"RowMajorOrder\" Dimensionality=\"1\" Dim0=\"3\" Encoding=\"ASCII\" Endian=\"LittleEndian\" ExternalFileName=\"\" ExternalFileOffset=\"\"";

    public static string Document(string attributes = Attributes, string data = "1 2.5 -3", string prolog = Declaration + Doctype, string head = "", string arrayHead = "", string root = "Version=\"1.0\" NumberOfDataArrays=\"1\"") =>
        $"{prolog}<GIFTI {root}>{head}<DataArray {attributes}>{arrayHead}<Data>{data}</Data></DataArray></GIFTI>\n";

    /// <summary><see cref="Attributes"/> with one attribute replaced (or removed, for null).</summary>
    public static string With(string name, string? value, string attributes = Attributes)
    {
        var parts = attributes.Split(' ').Where(p => !p.StartsWith(name + "=", StringComparison.Ordinal)).ToList();
        if (value is not null)
        {
            parts.Add($"{name}=\"{value}\"");
        }
        return string.Join(' ', parts);
    }

    public static string Write(string directory, string text, string name = "test.gii")
    {
        string path = Path.Combine(directory, name);
        File.WriteAllText(path, text, new UTF8Encoding(false));
        return path;
    }
}
