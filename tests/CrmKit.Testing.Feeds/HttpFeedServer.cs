using System.Collections.Concurrent;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace CrmKit.Testing.Feeds;

/// <summary>
/// A real NuGet v3 feed on a loopback Kestrel port, built from <see cref="TestPackage"/>s held in memory:
/// <c>/v3/index.json</c> (service index), <c>/v3/flat/</c> (PackageBaseAddress: versions, .nupkg, .nuspec),
/// <c>/v3/registration/</c> (RegistrationsBaseUrl: pages inlined, catalogEntry with packageHash and
/// packageHashAlgorithm SHA512, dependency groups) and <c>/v3/search</c> (SearchQueryService, with packageType and
/// prerelease filters). Options: Basic auth, a mode answering 500 to everything, serving other bytes than the hash
/// declares (tampering), forgetting packages. Every request is recorded.
/// </summary>
public sealed class HttpFeedServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentDictionary<string, Served> _packages = new(StringComparer.OrdinalIgnoreCase);
    private readonly ConcurrentQueue<string> _requests = new();

    private HttpFeedServer(WebApplication app) => _app = app;

    /// <summary>The base address, such as http://127.0.0.1:5123.</summary>
    public string BaseUrl { get; private set; } = string.Empty;

    /// <summary>The service index URL to put in a nuget.config.</summary>
    public string IndexUrl => BaseUrl + "/v3/index.json";

    /// <summary>When set, every request must carry these Basic credentials, else 401 with a Basic challenge.</summary>
    public (string User, string Password)? BasicAuth { get; set; }

    /// <summary>When true, every request is answered 500.</summary>
    public bool FailWith500 { get; set; }

    /// <summary>The requests served, as "METHOD path?query status".</summary>
    public IReadOnlyList<string> Requests => [.. _requests];

    public static async Task<HttpFeedServer> StartAsync(params TestPackage[] packages)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var app = builder.Build();
        var server = new HttpFeedServer(app);
        foreach (var package in packages)
        {
            server.Add(package);
        }

        app.Run(server.HandleAsync);
        await app.StartAsync();
        server.BaseUrl = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.Single();
        return server;
    }

    /// <summary>Serves a package (replacing the same id and version).</summary>
    public void Add(TestPackage package) => _packages[Key(package.LowerId, package.LowerVersion)] = new Served(package, package);

    /// <summary>
    /// Serves <paramref name="served"/>'s bytes for its id and version while the registration declares
    /// <paramref name="declared"/>'s hash (a tampered package, or a package replaced after it was locked).
    /// </summary>
    public void AddServing(TestPackage declared, TestPackage served) =>
        _packages[Key(declared.LowerId, declared.LowerVersion)] = new Served(declared, served);

    /// <summary>Stops serving one version (the feed "lost" it).</summary>
    public void Forget(string id, string version) => _packages.TryRemove(Key(id.ToLowerInvariant(), version.ToLowerInvariant()), out _);

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    private static string Key(string id, string version) => id + "/" + version;

    private async Task HandleAsync(HttpContext context)
    {
        var path = context.Request.Path.Value ?? string.Empty;
        try
        {
            if (FailWith500)
            {
                context.Response.StatusCode = 500;
                await context.Response.WriteAsync("feed failure for tests");
                return;
            }

            if (BasicAuth is { } auth && !Authorized(context, auth))
            {
                context.Response.StatusCode = 401;
                context.Response.Headers.WWWAuthenticate = "Basic realm=\"crmkit-test-feed\"";
                return;
            }

            await RouteAsync(context, path);
        }
        finally
        {
            _requests.Enqueue($"{context.Request.Method} {path}{context.Request.QueryString} {context.Response.StatusCode}");
        }
    }

    private static bool Authorized(HttpContext context, (string User, string Password) auth)
    {
        var header = context.Request.Headers.Authorization.ToString();
        if (!header.StartsWith("Basic ", StringComparison.Ordinal))
        {
            return false;
        }

        var expected = Convert.ToBase64String(Encoding.UTF8.GetBytes($"{auth.User}:{auth.Password}"));
        return header["Basic ".Length..].Trim() == expected;
    }

    private async Task RouteAsync(HttpContext context, string path)
    {
        var segments = path.Trim('/').Split('/');
        switch (segments)
        {
            case ["v3", "index.json"]:
                await JsonAsync(context, ServiceIndex());
                return;
            case ["v3", "flat", var id, "index.json"]:
                var versions = Versions(id).Select(p => (JsonNode)p.Declared.LowerVersion).ToArray();
                if (versions.Length == 0)
                {
                    context.Response.StatusCode = 404;
                    return;
                }

                await JsonAsync(context, new JsonObject { ["versions"] = new JsonArray(versions) });
                return;
            case ["v3", "flat", var id, var version, var file] when _packages.TryGetValue(Key(id.ToLowerInvariant(), version.ToLowerInvariant()), out var served):
                if (file.EndsWith(".nupkg", StringComparison.OrdinalIgnoreCase))
                {
                    context.Response.ContentType = "application/octet-stream";
                    await context.Response.Body.WriteAsync(served.Bytes.Bytes);
                    return;
                }

                if (file.EndsWith(".nuspec", StringComparison.OrdinalIgnoreCase))
                {
                    context.Response.ContentType = "application/xml";
                    await context.Response.Body.WriteAsync(served.Bytes.Nuspec);
                    return;
                }

                break;
            case ["v3", "registration", var id, "index.json"]:
                var packages = Versions(id).ToList();
                if (packages.Count == 0)
                {
                    context.Response.StatusCode = 404;
                    return;
                }

                await JsonAsync(context, Registration(id.ToLowerInvariant(), packages));
                return;
            case ["v3", "search"]:
                await JsonAsync(context, Search(context.Request.Query));
                return;
            default:
                break;
        }

        context.Response.StatusCode = 404;
    }

    private IEnumerable<Served> Versions(string id) =>
        _packages.Values.Where(p => string.Equals(p.Declared.LowerId, id, StringComparison.OrdinalIgnoreCase)).OrderBy(p => p.Declared.Version);

    private JsonObject ServiceIndex() => new()
    {
        ["version"] = "3.0.0",
        ["resources"] = new JsonArray(
            Resource(BaseUrl + "/v3/flat/", "PackageBaseAddress/3.0.0"),
            Resource(BaseUrl + "/v3/registration/", "RegistrationsBaseUrl"),
            Resource(BaseUrl + "/v3/registration/", "RegistrationsBaseUrl/3.0.0-rc"),
            Resource(BaseUrl + "/v3/registration/", "RegistrationsBaseUrl/3.6.0"),
            Resource(BaseUrl + "/v3/search", "SearchQueryService"),
            Resource(BaseUrl + "/v3/search", "SearchQueryService/3.0.0-rc"),
            Resource(BaseUrl + "/v3/search", "SearchQueryService/3.5.0")),
    };

    private static JsonObject Resource(string id, string type) => new() { ["@id"] = id, ["@type"] = type };

    private JsonObject Registration(string id, List<Served> packages)
    {
        var items = new JsonArray();
        foreach (var served in packages)
        {
            var package = served.Declared;
            var groups = new JsonArray();
            if (package.Dependencies.Count > 0)
            {
                var dependencies = new JsonArray();
                foreach (var dependency in package.Dependencies)
                {
                    dependencies.Add(new JsonObject { ["id"] = dependency.Id, ["range"] = dependency.VersionRange.ToNormalizedString() });
                }

                groups.Add(new JsonObject { ["targetFramework"] = "net10.0", ["dependencies"] = dependencies });
            }

            var leaf = $"{BaseUrl}/v3/registration/{id}/{package.LowerVersion}.json";
            items.Add(new JsonObject
            {
                ["@id"] = leaf,
                ["catalogEntry"] = new JsonObject
                {
                    ["@id"] = leaf,
                    ["id"] = package.Id,
                    ["version"] = package.Version.ToNormalizedString(),
                    ["description"] = package.Description,
                    ["title"] = package.Title,
                    ["listed"] = true,
                    ["packageHash"] = package.Sha512,
                    ["packageHashAlgorithm"] = "SHA512",
                    ["dependencyGroups"] = groups,
                    ["packageContent"] = $"{BaseUrl}/v3/flat/{id}/{package.LowerVersion}/{package.FileName}",
                },
                ["packageContent"] = $"{BaseUrl}/v3/flat/{id}/{package.LowerVersion}/{package.FileName}",
            });
        }

        return new JsonObject
        {
            ["count"] = 1,
            ["items"] = new JsonArray(new JsonObject
            {
                ["@id"] = $"{BaseUrl}/v3/registration/{id}/index.json#page",
                ["count"] = items.Count,
                ["lower"] = packages[0].Declared.Version.ToNormalizedString(),
                ["upper"] = packages[^1].Declared.Version.ToNormalizedString(),
                ["items"] = items,
            }),
        };
    }

    private JsonObject Search(IQueryCollection query)
    {
        var text = query["q"].ToString();
        var prerelease = string.Equals(query["prerelease"], "true", StringComparison.OrdinalIgnoreCase);
        var packageType = query["packageType"].ToString();
        var data = new JsonArray();
        foreach (var group in _packages.Values.Select(p => p.Declared)
                     .Where(p => prerelease || !p.Version.IsPrerelease)
                     .Where(p => packageType.Length == 0 || p.PackageTypes.Contains(packageType, StringComparer.OrdinalIgnoreCase))
                     .Where(p => text.Split(' ', StringSplitOptions.RemoveEmptyEntries).All(w =>
                         (p.Id + " " + p.Title + " " + p.Description).Contains(w, StringComparison.OrdinalIgnoreCase)))
                     .GroupBy(p => p.LowerId).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            var ordered = group.OrderByDescending(p => p.Version).ToList();
            var latest = ordered[0];
            data.Add(new JsonObject
            {
                ["@id"] = $"{BaseUrl}/v3/registration/{latest.LowerId}/index.json",
                ["id"] = latest.Id,
                ["version"] = latest.Version.ToNormalizedString(),
                ["title"] = latest.Title,
                ["description"] = latest.Description,
                ["authors"] = new JsonArray("CrmKit tests"),
                ["registration"] = $"{BaseUrl}/v3/registration/{latest.LowerId}/index.json",
                ["packageTypes"] = new JsonArray([.. latest.PackageTypes.Select(t => (JsonNode)new JsonObject { ["name"] = t })]),
                ["versions"] = new JsonArray([.. ordered.Select(p => (JsonNode)new JsonObject
                {
                    ["version"] = p.Version.ToNormalizedString(),
                    ["downloads"] = 0,
                    ["@id"] = $"{BaseUrl}/v3/registration/{p.LowerId}/{p.LowerVersion}.json",
                })]),
            });
        }

        return new JsonObject { ["totalHits"] = data.Count, ["data"] = data };
    }

    private static async Task JsonAsync(HttpContext context, JsonNode body)
    {
        context.Response.ContentType = "application/json";
        await context.Response.WriteAsync(body.ToJsonString());
    }

    /// <summary>What the feed declares (registration, versions) and what it serves (bytes).</summary>
    private sealed record Served(TestPackage Declared, TestPackage Bytes);
}
