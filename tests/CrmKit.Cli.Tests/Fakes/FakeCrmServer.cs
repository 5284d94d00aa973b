using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace CrmKit.Cli.Tests.Fakes;

/// <summary>
/// A stand-in for the CrmKit server until the real one exists: a loopback Kestrel app that records every request
/// and answers from canned routes (JSON payloads following docs/rest-api.md, problem+json for errors).
/// A request no route matches gets a 404 problem with code <c>test.no_route</c>.
/// </summary>
public sealed class FakeCrmServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentQueue<RecordedRequest> _requests = new();
    private readonly List<FakeRoute> _routes = [];
    private readonly Lock _routesLock = new();

    private FakeCrmServer(WebApplication app, Uri baseAddress)
    {
        _app = app;
        BaseAddress = baseAddress;
    }

    /// <summary>The address the CLI is pointed at with <c>--server</c>.</summary>
    public Uri BaseAddress { get; }

    public IReadOnlyList<RecordedRequest> Requests => [.. _requests];

    public static async Task<FakeCrmServer> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        var app = builder.Build();
        app.Urls.Add("http://127.0.0.1:0");
        FakeCrmServer? server = null;
        app.Run(context => server!.HandleAsync(context));
        await app.StartAsync();

        var address = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>()
            .Addresses.Single();
        server = new FakeCrmServer(app, new Uri(address));
        return server;
    }

    public void On(FakeRoute route)
    {
        lock (_routesLock)
        {
            _routes.Add(route);
        }
    }

    /// <summary>Answers <paramref name="method"/> <paramref name="path"/> with a JSON body.</summary>
    public void OnJson(
        string method, string path, string? body, int status = 200, IReadOnlyDictionary<string, string>? headers = null,
        Func<RecordedRequest, bool>? when = null) =>
        On(new FakeRoute
        {
            Method = method,
            Path = path,
            Status = status,
            Body = body,
            Headers = headers ?? new Dictionary<string, string>(),
            When = when,
        });

    /// <summary>Answers with an RFC 7807 problem document.</summary>
    public void OnProblem(string method, string path, int status, JsonObject problem) =>
        On(new FakeRoute
        {
            Method = method,
            Path = path,
            Status = status,
            Body = problem.ToJsonString(),
            ContentType = "application/problem+json",
        });

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    private async Task HandleAsync(HttpContext context)
    {
        var request = await RecordAsync(context.Request);
        _requests.Enqueue(request);

        FakeRoute? route;
        lock (_routesLock)
        {
            route = _routes.FirstOrDefault(r => r.Matches(request));
        }

        route ??= new FakeRoute
        {
            Method = request.Method,
            Path = request.Path,
            Status = 404,
            ContentType = "application/problem+json",
            Body = new JsonObject
            {
                ["type"] = "https://crmkit.dev/problems/test.no_route",
                ["title"] = $"The fake server has no route for {request}.",
                ["status"] = 404,
                ["code"] = "test.no_route",
            }.ToJsonString(),
        };

        context.Response.StatusCode = route.Status;
        foreach (var (name, value) in route.Headers)
        {
            context.Response.Headers[name] = value;
        }

        if (route.Body is not null)
        {
            context.Response.ContentType = route.ContentType;
            await context.Response.WriteAsync(route.Body);
        }

        if (route.AbortAfterBody)
        {
            await context.Response.Body.FlushAsync();
            context.Abort();
        }
    }

    private static async Task<RecordedRequest> RecordAsync(HttpRequest request)
    {
        using var reader = new StreamReader(request.Body);
        var body = await reader.ReadToEndAsync();
        return new RecordedRequest
        {
            Method = request.Method,
            Path = request.HttpContext.Features.GetRequiredFeature<IHttpRequestFeature>().RawTarget.Split('?')[0],
            QueryString = request.QueryString.Value ?? string.Empty,
            Query = request.Query.ToDictionary(q => q.Key, q => q.Value.ToString(), StringComparer.Ordinal),
            Headers = request.Headers.ToDictionary(h => h.Key, h => h.Value.ToString(), StringComparer.OrdinalIgnoreCase),
            Body = body,
            ContentType = request.ContentType,
        };
    }
}
