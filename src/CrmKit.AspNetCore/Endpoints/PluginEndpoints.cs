using System.Text.Json;
using CrmKit.AspNetCore.Http;
using CrmKit.Core.Security;
using CrmKit.AspNetCore.Json;
using CrmKit.AspNetCore.Problems;
using CrmKit.Core.Plugins;
using CrmKit.Core.Storage;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace CrmKit.AspNetCore.Endpoints;

/// <summary>
/// The plugins of the running host: <c>GET /api/plugins[/{id}]</c>, <c>POST /api/plugins/{id}/enable|disable|reload</c>
/// and <c>POST /api/plugins/scan</c>. Mapped only when the host has a plugin runtime (<see cref="IPluginManager"/>).
/// </summary>
internal static class PluginEndpoints
{
    /// <summary>Whether the host registered a plugin runtime; asked without creating it.</summary>
    public static bool IsAvailable(IServiceProvider services) =>
        services.GetService<IServiceProviderIsService>()?.IsService(typeof(IPluginManager)) == true;

    public static void Map(IEndpointRouteBuilder endpoints)
    {
        if (!IsAvailable(endpoints.ServiceProvider))
        {
            return;
        }

        var plugins = endpoints.MapGroup("/api/plugins");
        plugins.MapGet("", (Func<HttpContext, Task<IResult>>)ListAsync);
        plugins.MapPost("/scan", (Func<HttpContext, Task<IResult>>)ScanAsync);
        plugins.MapGet("/{id}", GetAsync);
        plugins.MapPost("/{id}/enable", (HttpContext context, string id) =>
            ChangeAsync(context, (manager, token) => manager.EnableAsync(id, token)));
        plugins.MapPost("/{id}/disable", (HttpContext context, string id) =>
            ChangeAsync(context, (manager, token) => manager.DisableAsync(id, token)));
        plugins.MapPost("/{id}/reload", (HttpContext context, string id) =>
            ChangeAsync(context, (manager, token) => manager.ReloadAsync(id, token)));
    }

    // Anyone signed in may see which plugins run; changing them needs plugins.manage.
    private static async Task<IResult> ListAsync(HttpContext context)
    {
        _ = await ApiRequest.GetPrincipalAsync(context);
        return Items(Manager(context).List());
    }

    private static async Task<IResult> GetAsync(HttpContext context, string id)
    {
        _ = await ApiRequest.GetPrincipalAsync(context);
        var status = Manager(context).Find(id) ?? throw ApiErrors.PluginNotFound(id);
        return Single(status);
    }

    private static async Task<IResult> ScanAsync(HttpContext context)
    {
        _ = await ApiRequest.DemandAsync(context, CrmPrivileges.PluginsManage);
        return Items(await Manager(context).ScanAsync(context.RequestAborted));
    }

    private static async Task<IResult> ChangeAsync(
        HttpContext context, Func<IPluginManager, CancellationToken, Task<PluginStatus>> change)
    {
        _ = await ApiRequest.DemandAsync(context, CrmPrivileges.PluginsManage);
        return Single(await change(Manager(context), context.RequestAborted));
    }

    private static JsonWriterResult Single(PluginStatus status) =>
        new(StatusCodes.Status200OK, w => Write(w, status));

    private static JsonWriterResult Items(IReadOnlyList<PluginStatus> statuses) =>
        new(StatusCodes.Status200OK, w =>
        {
            w.WriteStartObject();
            w.WriteStartArray("items");
            foreach (var status in statuses)
            {
                Write(w, status);
            }

            w.WriteEndArray();
            w.WriteEndObject();
        });

    private static void Write(Utf8JsonWriter writer, PluginStatus status)
    {
        writer.WriteStartObject();
        writer.WriteString("id", status.Id);
        writer.WriteString("version", status.Version);
        writer.WriteString("displayName", status.DisplayName);
        writer.WriteString("description", status.Description);
        writer.WriteString("state", StateName(status.State));
        if (status.ReasonCode is null && status.Reason is null)
        {
            writer.WriteNull("reason");
        }
        else
        {
            writer.WriteStartObject("reason");
            writer.WriteString("code", status.ReasonCode);
            writer.WriteString("message", status.Reason);
            writer.WriteEndObject();
        }

        writer.WriteString("source", status.Source);
        writer.WriteString("sdkRange", status.SdkRange);
        WriteStrings(writer, "dependencies", status.Dependencies);
        WriteStrings(writer, "registered", status.Registered);
        writer.WriteString("changedAt", CanonicalInstant.ToText(status.ChangedAt));
        writer.WriteEndObject();
    }

    private static void WriteStrings(Utf8JsonWriter writer, string name, IReadOnlyList<string> values)
    {
        writer.WriteStartArray(name);
        foreach (var value in values)
        {
            writer.WriteStringValue(value);
        }

        writer.WriteEndArray();
    }

    /// <summary>The state as the API spells it: <c>loaded</c>, <c>disabled</c>, <c>failed</c>, <c>blocked</c>.</summary>
    private static string StateName(PluginState state) => state switch
    {
        PluginState.Loaded => "loaded",
        PluginState.Disabled => "disabled",
        PluginState.Failed => "failed",
        PluginState.Blocked => "blocked",
        _ => throw new ArgumentOutOfRangeException(nameof(state), state, null),
    };

    private static IPluginManager Manager(HttpContext context) => ApiRequest.GetService<IPluginManager>(context);
}
