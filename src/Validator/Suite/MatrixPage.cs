using System.Text.Json;

namespace Conformance.Validator.Suite;

public static class MatrixPage
{
    public static string Render(JsonElement result, string title) => throw new NotImplementedException(title + result.ValueKind);
}
