namespace Conformance.Reference.Gifti;

/// <summary>
/// A MetaData element: name/value pairs (MD with Name and Value) in file order. Duplicate names
/// are kept as they appear, since the spec does not forbid them and a validator may want to see them.
/// </summary>
/// <remarks>GIFTI 1.0 section 2.0, MetaData and MD; standard names in section 3.0.</remarks>
public sealed class GiftiMetaData
{
    public List<KeyValuePair<string, string>> Entries { get; } = [];

    public int Count => Entries.Count;

    public void Add(string name, string value) => Entries.Add(new KeyValuePair<string, string>(name, value));

    /// <summary>The value of the first entry named <paramref name="name"/>, or null.</summary>
    public string? this[string name] => Entries.FirstOrDefault(e => e.Key == name).Value;
}
