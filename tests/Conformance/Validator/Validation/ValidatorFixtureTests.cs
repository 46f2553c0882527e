using Conformance.Tests.Fixtures;
using Conformance.Tests.Support;
using Conformance.Validator.Commands;
using Conformance.Validator.Validation;
using Conformance.Validator.Validation.OmeNgff;
using Conformance.Validator.Validation.SurfaceZarr;

namespace Conformance.Tests.Validator.Validation;

/// <summary>
/// The validator over every fixture case of every corpus, in deep mode with the OME-NGFF check,
/// as <c>conformance validate fixtures</c> runs it: the errors are exactly the rules an invalid
/// case lists, the warnings exactly those it lists as broken on purpose (plus an unsupported
/// case's rules: the part could not be checked).
/// </summary>
public sealed class ValidatorFixtureTests
{
    public static IEnumerable<TestCaseData> Cases() =>
        Directory.GetDirectories(RepoPaths.Fixtures).Select(Path.GetFileName).Order(StringComparer.Ordinal).SelectMany(corpus => ZarrFixtureTests.CorpusCases(corpus!));

    [TestCaseSource(nameof(Cases))]
    public async Task Case(string directory) =>
        Assert.That(await CorpusCommand.CheckCaseAsync(directory, new ValidationOptions { MaxDegreeOfParallelism = 2, Checks = [new OmeNgffCheck(), new SurfaceZarrCheck()] }), Is.Null);
}
