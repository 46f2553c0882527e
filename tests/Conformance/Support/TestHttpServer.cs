using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Logging;

namespace Conformance.Tests.Support;

/// <summary>
/// A Kestrel server on 127.0.0.1 (a port the system picks) serving the files under a
/// directory, with byte ranges, behind the switchable <see cref="HttpFaults"/>.
/// </summary>
public sealed class TestHttpServer : IAsyncDisposable
{
    private readonly WebApplication _app;

    private TestHttpServer(WebApplication app, Uri baseUri, HttpFaults faults)
    {
        _app = app;
        BaseUri = baseUri;
        Faults = faults;
    }

    /// <summary>URL of the served directory, ending in "/".</summary>
    public Uri BaseUri { get; }

    public HttpFaults Faults { get; }

    public static async Task<TestHttpServer> StartAsync(string root)
    {
        WebApplicationBuilder builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { ContentRootPath = root });
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
        WebApplication app = builder.Build();
        var faults = new HttpFaults(root);
        app.Use(faults.InvokeAsync);
        app.UseStaticFiles(new StaticFileOptions
        {
            FileProvider = new PhysicalFileProvider(root),
            // Chunk keys have no extension; every value is served as bytes.
            ServeUnknownFileTypes = true,
            DefaultContentType = "application/octet-stream",
        });
        await app.StartAsync();
        string address = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.Single();
        return new TestHttpServer(app, new Uri(address.TrimEnd('/') + "/"), faults);
    }

    /// <summary>The URL of <paramref name="relative"/> (already percent-encoded) under the served directory.</summary>
    public Uri At(string relative) => new(BaseUri, relative);

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
