using System.Globalization;
using BenchmarkDotNet.Attributes;
using Conformance.Reference.FreeSurfer;
using Conformance.Reference.Gifti;

namespace Conformance.Performance;

/// <summary>
/// Reads a surface of fsaverage's size (<see cref="SurfaceMesh"/>: 163,842 vertices, 327,680
/// triangles) from each <see cref="SurfaceFile"/> with the library (<see cref="GiftiReader.Read(string, GiftiReaderOptions?)"/>,
/// <see cref="FreeSurferSurface.Read"/>) and, as the baseline, with nibabel in a long-lived
/// Python process (<see cref="NibabelBench"/>), measured the same way: one operation is one
/// whole read of the file, timed by BenchmarkDotNet in the same job. Each case's process writes
/// the file afresh with the library's writers into a temp folder, and its setup checks that the
/// reader under test gets the coordinates and triangles written. The Ratio column is library /
/// nibabel time; Program.cs also writes nibabel / library (<see cref="SurfaceRatios"/>).
/// </summary>
[Config(typeof(SurfaceConfig))]
[MemoryDiagnoser]
public class SurfaceReadBenchmarks
{
    private DirectoryInfo? _root;
    private string _path = "";
    private NibabelBench? _nibabel;

    [Params(SurfaceFile.GiftiAscii, SurfaceFile.GiftiBase64, SurfaceFile.GiftiGzipBase64, SurfaceFile.GiftiExternal, SurfaceFile.FreeSurfer)]
    public SurfaceFile File { get; set; }

    private NibabelBench Peer => _nibabel ?? throw new InvalidOperationException("global setup has not run");

    [GlobalSetup(Target = nameof(Nibabel))]
    public void SetupNibabel()
    {
        try
        {
            string expected = WriteFile();
            _nibabel = NibabelBench.Start(_path, File == SurfaceFile.FreeSurfer);
            string actual = Peer.Hash();
            Verify(actual == expected, $"nibabel read values with SHA-256 {actual}, not {expected}");
            Console.WriteLine($"// {Peer.Versions} read {File} to SHA-256 {actual}, as written");
        }
        catch
        {
            // BenchmarkDotNet skips the cleanup when setup fails.
            Cleanup();
            throw;
        }
    }

    [GlobalSetup(Target = nameof(Library))]
    public void SetupLibrary()
    {
        try
        {
            string expected = WriteFile();
            string actual = File == SurfaceFile.FreeSurfer
                ? Hash((FreeSurferSurface)Library())
                : Hash((GiftiImage)Library());
            Verify(actual == expected, $"the library read values with SHA-256 {actual}, not {expected}");
            Console.WriteLine($"// the library read {File} to SHA-256 {actual}, as written");
        }
        catch
        {
            Cleanup();
            throw;
        }
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        if (_nibabel is not null)
        {
            Console.WriteLine("// nibabel read times inside Python (ms): " + string.Join(", ", _nibabel.PythonMilliseconds.Select(ms => ms.ToString("0.0", CultureInfo.InvariantCulture))));
            _nibabel.Dispose();
            _nibabel = null;
        }
        _root?.Delete(recursive: true);
        _root = null;
    }

    /// <summary>One read with nibabel: a request to Python, the read, and its answer.</summary>
    [Benchmark(Baseline = true)]
    public void Nibabel() => Peer.Run();

    /// <summary>One read with the library; the model it returns is left to the garbage collector.</summary>
    [Benchmark]
    public object Library() => File == SurfaceFile.FreeSurfer
        ? FreeSurferSurface.Read(_path)
        : GiftiReader.Read(_path);

    /// <summary>Writes the case's file; returns the SHA-256 of the values written.</summary>
    private string WriteFile()
    {
        _root = Directory.CreateTempSubdirectory("surface-perf-");
        (float[] coordinates, int[] faces) = SurfaceMesh.Create();
        _path = SurfaceMesh.Write(File, _root.FullName, coordinates, faces);
        Console.WriteLine($"// {File}: {SurfaceMesh.Describe(_path)}");
        return SurfaceMesh.Sha256(coordinates, faces);
    }

    private static string Hash(FreeSurferSurface surface) => SurfaceMesh.Sha256(surface.Coordinates, surface.Faces);

    private static string Hash(GiftiImage image)
    {
        Verify(image.DataArrays.Count == 2 && image.DataArrays[0].CoordinateSystemTransforms.Count == 1, "the GIFTI file read back without its two arrays and transform");
        return SurfaceMesh.Sha256(image.DataArrays[0].AsSingles(), image.DataArrays[1].AsInt32s());
    }

    private static void Verify(bool condition, string message)
    {
        if (!condition)
        {
            throw new InvalidOperationException(message);
        }
    }
}
