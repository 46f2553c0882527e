using System.Text.Json;

namespace Conformance.Validator.Suite;

/// <summary>
/// An implementation's known deviations (spec/adapter-protocol.md, "Known deviations"): case ID
/// to the reason it fails. The list can only shrink: a listed case that passes, is skipped or no
/// longer exists fails the run until it is taken off.
/// </summary>
public sealed class Deviations
{
    private readonly Dictionary<string, string> _reasons;

    private Deviations(Dictionary<string, string> reasons) => _reasons = reasons;

    public static Deviations None { get; } = new(new Dictionary<string, string>(StringComparer.Ordinal));

    public IReadOnlyDictionary<string, string> Reasons => _reasons;

    public static Deviations Load(string path)
    {
        try
        {
            using JsonDocument document = JsonDocument.Parse(File.ReadAllBytes(path));
            var reasons = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (JsonProperty entry in document.RootElement.GetProperty("deviations").EnumerateObject())
            {
                reasons[entry.Name] = entry.Value.GetString() ?? throw new FormatException($"{entry.Name}: the reason is a string");
            }
            return new Deviations(reasons);
        }
        catch (Exception e) when (e is JsonException or KeyNotFoundException or InvalidOperationException)
        {
            throw new FormatException($"{path} is not a deviations file ({{\"deviations\": {{\"CASE-ID\": \"reason\"}}}}): {e.Message}", e);
        }
    }

    /// <summary>The result as the list has it: known, fixed or stale where listed, unchanged otherwise.</summary>
    public CaseResult Apply(CaseResult result)
    {
        if (!_reasons.TryGetValue(result.Case.Id, out string? reason))
        {
            return result;
        }
        return result.Outcome switch
        {
            CaseOutcome.Fail or CaseOutcome.Error => result with { Outcome = CaseOutcome.Known, Message = $"known deviation ({reason}):\n{result.Message}" },
            CaseOutcome.Pass => result with { Outcome = CaseOutcome.Fixed, Message = $"passes now; take it off the known deviations ({reason})" },
            CaseOutcome.Skip => result with { Outcome = CaseOutcome.Stale, Message = $"listed as a known deviation ({reason}) but skipped: {result.Message}" },
            _ => result,
        };
    }

    /// <summary>Listed IDs that name no case of the corpus: each fails the run until removed.</summary>
    public IEnumerable<string> Unknown(IEnumerable<SuiteCase> corpus)
    {
        var ids = corpus.Select(c => c.Id).ToHashSet(StringComparer.Ordinal);
        return _reasons.Keys.Where(id => !ids.Contains(id)).Order(StringComparer.Ordinal);
    }
}
