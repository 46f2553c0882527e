using Conformance.Tests.Support;
using Json.Schema;

namespace Conformance.Tests.Suite;

/// <summary>spec/suite-result.schema.json, loaded once: the schema library keeps a registry by $id and refuses a second registration.</summary>
internal static class SuiteResultSchema
{
    private static readonly Lazy<JsonSchema> Schema = new(() =>
        JsonSchema.FromText(File.ReadAllText(Path.Combine(RepoPaths.Root, "spec", "suite-result.schema.json"))));

    public static JsonSchema Value => Schema.Value;
}
