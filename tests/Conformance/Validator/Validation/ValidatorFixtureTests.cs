using Conformance.Tests.Fixtures;
using Conformance.Validator.Commands;
using Conformance.Validator.Validation;

namespace Conformance.Tests.Validator.Validation;

/// <summary>
/// The validator over every fixture case, in deep mode, as <c>conformance validate fixtures</c>
/// runs it: a valid store yields no error and no warning; an invalid one an error of the
/// manifest's rule, an unsupported one a warning of it (the part could not be checked).
/// </summary>
public sealed class ValidatorFixtureTests
{
    public static IEnumerable<TestCaseData> Cases() => ZarrFixtureTests.Cases();

    [TestCaseSource(nameof(Cases))]
    public async Task Case(string directory) =>
        Assert.That(await CorpusCommand.CheckCaseAsync(directory, new ValidationOptions { MaxDegreeOfParallelism = 2 }), Is.Null);
}
