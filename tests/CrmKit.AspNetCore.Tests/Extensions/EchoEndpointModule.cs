using System.Text;
using CrmKit.Plugins.Manifest;
using CrmKit.Sdk.Extensibility;
using CrmKit.Sdk.Http;
using CrmKit.Sdk.Localization;
using NuGet.Versioning;

namespace CrmKit.AspNetCore.Tests.Extensions;

/// <summary>
/// A module with two HTTP endpoints: <c>test-echo</c> (authenticated, body capped at 16 bytes) answers who called,
/// the method, a query parameter and the body; <c>test-open</c> allows anonymous calls and answers whether a caller was
/// known.
/// </summary>
public sealed class EchoEndpointModule : ICrmModule
{
    public const string ModuleId = "test.http-endpoints";

    public static PluginManifest Manifest { get; } =
        new(ModuleId, NuGetVersion.Parse("1.0.0"), VersionRange.Parse("[0.1.0, 1.0.0)")) { Provides = ["http-endpoint:test-echo", "http-endpoint:test-open"] };

    public string Id => ModuleId;

    public void Configure(ICrmBuilder builder) => builder.AddHttpEndpoint<Echo>().AddHttpEndpoint<Open>();

    private sealed class Echo : IHttpEndpoint
    {
        public HttpEndpointDescriptor Descriptor { get; } = new("test-echo", LocalizedText.Of("Echo")) { MaxRequestBodyBytes = 16 };

        public async Task HandleAsync(HttpEndpointContext context, CancellationToken cancellationToken)
        {
            using var reader = new StreamReader(context.Body, Encoding.UTF8);
            var body = await reader.ReadToEndAsync(cancellationToken);
            context.Response.StatusCode = 202;
            context.Response.ContentType = "text/plain; charset=utf-8";
            context.Response.SetHeader("X-Echo", "yes");
            await context.Response.Body.WriteAsync(Encoding.UTF8.GetBytes(
                $"{context.Principal?.UserId}|{context.Method}|{context.Query.GetValueOrDefault("q")}|{context.Headers.GetValueOrDefault("x-test")}|{body}"), cancellationToken);
        }
    }

    private sealed class Open : IHttpEndpoint
    {
        public HttpEndpointDescriptor Descriptor { get; } = new("test-open", LocalizedText.Of("Open")) { AllowAnonymous = true };

        public Task HandleAsync(HttpEndpointContext context, CancellationToken cancellationToken)
        {
            context.Response.ContentType = "text/plain";
            return context.Response.Body.WriteAsync(Encoding.UTF8.GetBytes(context.Principal is null ? "anonymous" : "known"), cancellationToken).AsTask();
        }
    }
}
