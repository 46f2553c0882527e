using System.Collections;

namespace Conformance.Validator.Fixtures;

/// <summary>
/// A JSON object for fixture documents: members in the order given, and, unlike a dictionary,
/// able to hold a name twice (for the cases about repeated names). The indexer replaces the
/// first member of that name or appends one; <see cref="Add"/> always appends.
/// </summary>
public sealed class JsonMembers : IEnumerable<KeyValuePair<string, object?>>
{
    private readonly List<KeyValuePair<string, object?>> _members = [];

    public int Count => _members.Count;

    public object? this[string name]
    {
        get => _members.First(m => m.Key == name).Value;
        set
        {
            int at = _members.FindIndex(m => m.Key == name);
            if (at < 0)
            {
                _members.Add(new(name, value));
            }
            else
            {
                _members[at] = new(name, value);
            }
        }
    }

    public void Add(string name, object? value) => _members.Add(new(name, value));

    public bool Contains(string name) => _members.Exists(m => m.Key == name);

    public bool Remove(string name) => _members.RemoveAll(m => m.Key == name) > 0;

    /// <summary>A copy whose nested objects and lists are copies too, so editing it leaves this one alone.</summary>
    public JsonMembers DeepCopy()
    {
        var copy = new JsonMembers();
        foreach ((string name, object? value) in _members)
        {
            copy.Add(name, Copy(value));
        }
        return copy;
    }

    private static object? Copy(object? value) => value switch
    {
        JsonMembers members => members.DeepCopy(),
        IList list and not byte[] => list.Cast<object?>().Select(Copy).ToList(),
        _ => value,
    };

    public IEnumerator<KeyValuePair<string, object?>> GetEnumerator() => _members.GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
