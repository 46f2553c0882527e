using System.Runtime.CompilerServices;

namespace Conformance.Tests.Support;

/// <summary>
/// Golden output in the Verify style: <c>name.verified.txt</c> is committed beside the test;
/// a mismatch writes <c>name.received.txt</c> (git-ignored) and fails. Running the tests with
/// <c>CONFORMANCE_ACCEPT=1</c> accepts the received output.
/// </summary>
public static class Approved
{
    public static void Verify(string actual, string name, [CallerFilePath] string callerFile = "")
    {
        string directory = Path.Combine(Path.GetDirectoryName(callerFile)!, "Approved");
        string verified = Path.Combine(directory, name + ".verified.txt");
        string received = Path.Combine(directory, name + ".received.txt");
        string normalized = actual.Replace("\r\n", "\n", StringComparison.Ordinal);
        if (Environment.GetEnvironmentVariable("CONFORMANCE_ACCEPT") == "1")
        {
            Directory.CreateDirectory(directory);
            File.WriteAllText(verified, normalized);
        }
        string expected = File.Exists(verified) ? File.ReadAllText(verified) : "";
        if (expected == normalized)
        {
            File.Delete(received);
            return;
        }
        File.WriteAllText(received, normalized);
        Assert.That(normalized, Is.EqualTo(expected), $"output differs from {name}.verified.txt; see {name}.received.txt");
    }
}
