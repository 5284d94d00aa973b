using System.Text.Json;
using System.Text.Json.Nodes;
using CrmKit.AspNetCore.Http;
using CrmKit.AspNetCore.Json;
using CrmKit.AspNetCore.Problems;
using CrmKit.Core.Plugins.Packages;
using CrmKit.Core.Security;
using CrmKit.Sdk.Errors;
using CrmKit.Sdk.Localization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace CrmKit.AspNetCore.Endpoints;

/// <summary>
/// Plugin packages from NuGet feeds: <c>GET /api/plugin-packages/search?q=&amp;prerelease=</c>,
/// <c>GET /api/plugin-packages</c> (installed, as plugins.lock.json pins them), <c>POST /api/plugin-packages/plan</c>
/// (changes nothing), <c>POST /api/plugin-packages/apply</c> (plans, applies and commits) and
/// <c>POST /api/plugin-packages/restore[?dryRun=true]</c>. Mapped only when the host registered
/// <see cref="IPluginPackageManager"/>. Refusals are problem+json with a stable <c>plugin_package.*</c> code and every
/// problem in <c>problems</c>; nothing is changed when a request is refused.
/// </summary>
internal static class PluginPackageEndpoints
{
    public static bool IsAvailable(IServiceProvider services) =>
        services.GetService<IServiceProviderIsService>()?.IsService(typeof(IPluginPackageManager)) == true;

    public static void Map(IEndpointRouteBuilder endpoints)
    {
        if (!IsAvailable(endpoints.ServiceProvider))
        {
            return;
        }

        var group = endpoints.MapGroup("/api/plugin-packages");
        group.MapGet("", (Func<HttpContext, Task<IResult>>)ListAsync);
        group.MapGet("/search", (Func<HttpContext, Task<IResult>>)SearchAsync);
        group.MapPost("/plan", (Func<HttpContext, Task<IResult>>)PlanAsync);
        group.MapPost("/apply", (Func<HttpContext, Task<IResult>>)ApplyAsync);
        group.MapPost("/restore", (Func<HttpContext, Task<IResult>>)RestoreAsync);
    }

    private static async Task<IResult> ListAsync(HttpContext context)
    {
        _ = await ApiRequest.GetPrincipalAsync(context);
        var installed = await Manager(context).ListAsync(context.RequestAborted);
        return Items(installed, WriteInstalled);
    }

    private static async Task<IResult> SearchAsync(HttpContext context)
    {
        _ = await ApiRequest.DemandAsync(context, CrmPrivileges.PluginsManage);
        var query = context.Request.Query["q"] is { Count: > 0 } q ? q[0] ?? string.Empty : string.Empty;
        var prerelease = RecordQueryParameters.ParseBoolean(context.Request, "prerelease");
        try
        {
            return Items(await Manager(context).SearchAsync(query, prerelease, context.RequestAborted), WriteInfo);
        }
        catch (PluginPackageException e)
        {
            throw Refusal(e.Problems, null);
        }
    }

    private static async Task<IResult> PlanAsync(HttpContext context)
    {
        _ = await ApiRequest.DemandAsync(context, CrmPrivileges.PluginsManage);
        var request = PluginPackageRequestReader.Read(await ApiRequest.ReadJsonAsync(context));
        var plan = await Manager(context).PlanAsync(request, context.RequestAborted);
        if (plan.Problems.Any(p => p.Code == PluginPackageErrorCodes.InvalidRequest))
        {
            throw Refusal(plan.Problems, plan, request);
        }

        return new JsonWriterResult(StatusCodes.Status200OK, w => WritePlan(w, plan));
    }

    private static async Task<IResult> ApplyAsync(HttpContext context)
    {
        _ = await ApiRequest.DemandAsync(context, CrmPrivileges.PluginsManage);
        var request = PluginPackageRequestReader.Read(await ApiRequest.ReadJsonAsync(context));
        var manager = Manager(context);
        return await ApplyPlanAsync(context, manager, await manager.PlanAsync(request, context.RequestAborted), request);
    }

    private static async Task<IResult> RestoreAsync(HttpContext context)
    {
        _ = await ApiRequest.DemandAsync(context, CrmPrivileges.PluginsManage);
        var dryRun = RecordQueryParameters.ParseBoolean(context.Request, "dryRun");
        var manager = Manager(context);
        var plan = await manager.RestoreAsync(context.RequestAborted);
        return dryRun ? new JsonWriterResult(StatusCodes.Status200OK, w => WritePlan(w, plan)) : await ApplyPlanAsync(context, manager, plan);
    }

    private static async Task<IResult> ApplyPlanAsync(
        HttpContext context, IPluginPackageManager manager, PluginPackagePlan plan, PluginPackageRequest? request = null)
    {
        if (!plan.CanApply)
        {
            throw Refusal(plan.Problems, plan, request);
        }

        try
        {
            // Nothing else runs between the swap and the commit, so the change is committed at once; the request's
            // abort does not cancel it half-way.
            await using var change = await manager.ApplyAsync(plan, CancellationToken.None);
            await change.CommitAsync(CancellationToken.None);
        }
        catch (PluginPackageException e)
        {
            throw Refusal(e.Problems, plan);
        }

        return new JsonWriterResult(StatusCodes.Status200OK, w => WritePlan(w, plan));
    }

    /// <summary>
    /// The problem for refused plans and failed changes: 400 for a malformed request, 502 when a feed failed, 503 when
    /// the feeds are not configured, 409 otherwise (the plan conflicts with the feeds, the SDK or the installed set).
    /// </summary>
    internal static ApiProblemException Refusal(
        IReadOnlyList<PluginPackageProblem> problems, PluginPackagePlan? plan, PluginPackageRequest? request = null)
    {
        var first = problems.Count > 0 ? problems[0] : new PluginPackageProblem(PluginPackageErrorCodes.Failed, "The plugin package change failed.");
        var status = first.Code switch
        {
            PluginPackageErrorCodes.InvalidRequest => StatusCodes.Status400BadRequest,
            PluginPackageErrorCodes.FeedUnreachable or PluginPackageErrorCodes.FeedError or PluginPackageErrorCodes.FeedUnauthorized
                => StatusCodes.Status502BadGateway,
            PluginPackageErrorCodes.InvalidConfiguration => StatusCodes.Status503ServiceUnavailable,
            _ => StatusCodes.Status409Conflict,
        };
        var error = new ApiProblemException(status, first.Code, LocalizedText.Of(first.Message), Pointers(problems, request));
        var list = new JsonArray();
        foreach (var problem in problems)
        {
            list.Add(ProblemJson(problem));
        }

        error.Extensions["problems"] = list;
        if (plan is not null)
        {
            error.Extensions["plan"] = PlanJson(plan);
        }

        return error;
    }

    /// <summary>The field paths of the request members that problems are about (bad ids and ranges, ids not installed).</summary>
    private static List<CrmError> Pointers(IReadOnlyList<PluginPackageProblem> problems, PluginPackageRequest? request)
    {
        var errors = new List<CrmError>();
        if (request is null)
        {
            return errors;
        }

        foreach (var problem in problems.Where(p => p.PackageId is not null))
        {
            var pointers = request.Install.Select((r, i) => (r.Id, Pointer: $"/install/{i}"))
                .Concat(request.Update.Select((id, i) => (Id: id, Pointer: $"/update/{i}")))
                .Concat(request.Remove.Select((id, i) => (Id: id, Pointer: $"/remove/{i}")))
                .Where(p => string.Equals(p.Id, problem.PackageId, StringComparison.OrdinalIgnoreCase));
            foreach (var (_, pointer) in pointers.Take(1))
            {
                errors.Add(new CrmError(problem.Code, pointer, LocalizedText.Of(problem.Message)));
            }
        }

        return errors;
    }

    private static JsonObject ProblemJson(PluginPackageProblem problem) => new()
    {
        ["code"] = problem.Code,
        ["message"] = problem.Message,
        ["packageId"] = problem.PackageId,
    };

    private static JsonObject PlanJson(PluginPackagePlan plan)
    {
        var buffer = new System.Buffers.ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            WritePlan(writer, plan);
        }

        return JsonNode.Parse(buffer.WrittenSpan)!.AsObject();
    }

    private static void WritePlan(Utf8JsonWriter writer, PluginPackagePlan plan)
    {
        writer.WriteStartObject();
        writer.WriteBoolean("canApply", plan.CanApply);
        writer.WriteBoolean("hasChanges", plan.HasChanges);
        writer.WriteBoolean("isRestore", plan.IsRestore);
        writer.WriteStartArray("steps");
        foreach (var step in plan.Steps)
        {
            writer.WriteStartObject();
            writer.WriteString("id", step.Id);
            writer.WriteString("action", ActionName(step.Action));
            writer.WriteString("fromVersion", step.FromVersion);
            writer.WriteString("toVersion", step.ToVersion);
            writer.WriteString("source", step.Source);
            writer.WriteString("sha512", step.Sha512);
            writer.WriteBoolean("requested", step.Requested);
            WriteStrings(writer, "dependencies", step.Dependencies);
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
        writer.WriteStartArray("problems");
        foreach (var problem in plan.Problems)
        {
            ProblemJson(problem).WriteTo(writer);
        }

        writer.WriteEndArray();
        writer.WriteEndObject();
    }

    private static void WriteInstalled(Utf8JsonWriter writer, InstalledPluginPackage package)
    {
        writer.WriteStartObject();
        writer.WriteString("id", package.Id);
        writer.WriteString("version", package.Version);
        writer.WriteString("source", package.Source);
        writer.WriteString("sha512", package.Sha512);
        writer.WriteBoolean("requested", package.Requested);
        WriteStrings(writer, "dependencies", package.Dependencies);
        writer.WriteEndObject();
    }

    private static void WriteInfo(Utf8JsonWriter writer, PluginPackageInfo info)
    {
        writer.WriteStartObject();
        writer.WriteString("id", info.Id);
        writer.WriteString("version", info.Version);
        WriteStrings(writer, "versions", info.Versions);
        writer.WriteString("title", info.Title);
        writer.WriteString("description", info.Description);
        writer.WriteString("authors", info.Authors);
        writer.WriteString("source", info.Source);
        writer.WriteString("installedVersion", info.InstalledVersion);
        writer.WriteEndObject();
    }

    /// <summary>The action as the API spells it: <c>install</c>, <c>upgrade</c>, <c>downgrade</c>, <c>remove</c>, <c>keep</c>.</summary>
    internal static string ActionName(PluginPackageAction action) => action switch
    {
        PluginPackageAction.Install => "install",
        PluginPackageAction.Upgrade => "upgrade",
        PluginPackageAction.Downgrade => "downgrade",
        PluginPackageAction.Remove => "remove",
        PluginPackageAction.Keep => "keep",
        _ => throw new ArgumentOutOfRangeException(nameof(action), action, null),
    };

    private static JsonWriterResult Items<T>(IReadOnlyList<T> items, Action<Utf8JsonWriter, T> write) =>
        new(StatusCodes.Status200OK, w =>
        {
            w.WriteStartObject();
            w.WriteStartArray("items");
            foreach (var item in items)
            {
                write(w, item);
            }

            w.WriteEndArray();
            w.WriteEndObject();
        });

    private static void WriteStrings(Utf8JsonWriter writer, string name, IReadOnlyList<string> values)
    {
        writer.WriteStartArray(name);
        foreach (var value in values)
        {
            writer.WriteStringValue(value);
        }

        writer.WriteEndArray();
    }

    private static IPluginPackageManager Manager(HttpContext context) => ApiRequest.GetService<IPluginPackageManager>(context);
}

/// <summary>
/// Reads the body of <c>plan</c> and <c>apply</c>: <c>{"install": ["id", "id@range", {"id": ..., "versionRange": ...}],
/// "update": ["id"], "remove": ["id"], "prerelease": false}</c>; every member optional, unknown members refused with
/// their JSON pointer.
/// </summary>
internal static class PluginPackageRequestReader
{
    public static PluginPackageRequest Read(JsonNode? body)
    {
        if (body is not JsonObject root)
        {
            throw ApiErrors.InvalidBody([ApiErrors.ExpectedObject(string.Empty)]);
        }

        var errors = new List<CrmError>();
        var install = new List<PluginPackageRequirement>();
        List<string> update = [], remove = [];
        var prerelease = false;
        foreach (var (name, value) in root)
        {
            switch (name)
            {
                case "install":
                    ForEach(value, "/install", errors, (item, pointer) =>
                    {
                        if (item is JsonValue v && v.TryGetValue<string>(out var text))
                        {
                            var at = text.IndexOf('@', StringComparison.Ordinal);
                            install.Add(at < 0 ? new PluginPackageRequirement(text) : new PluginPackageRequirement(text[..at], text[(at + 1)..]));
                        }
                        else if (item is JsonObject o && o["id"] is JsonValue id && id.TryGetValue<string>(out var idText))
                        {
                            string? range = null;
                            if (o["versionRange"] is JsonValue r && !r.TryGetValue(out range))
                            {
                                errors.Add(ApiErrors.ExpectedString(pointer + "/versionRange"));
                            }

                            foreach (var member in o.Select(m => m.Key).Where(k => k is not "id" and not "versionRange"))
                            {
                                errors.Add(ApiErrors.MemberUnknown(pointer + "/" + member));
                            }

                            install.Add(new PluginPackageRequirement(idText, range));
                        }
                        else
                        {
                            errors.Add(ApiErrors.ExpectedString(pointer));
                        }
                    });
                    break;
                case "update":
                    ForEach(value, "/update", errors, (item, pointer) => AddString(item, pointer, update, errors));
                    break;
                case "remove":
                    ForEach(value, "/remove", errors, (item, pointer) => AddString(item, pointer, remove, errors));
                    break;
                case "prerelease":
                    if (value is JsonValue b && b.TryGetValue<bool>(out var flag))
                    {
                        prerelease = flag;
                    }
                    else
                    {
                        errors.Add(ApiErrors.ExpectedBoolean("/prerelease"));
                    }

                    break;
                default:
                    errors.Add(ApiErrors.MemberUnknown("/" + name));
                    break;
            }
        }

        if (errors.Count > 0)
        {
            throw ApiErrors.InvalidBody(errors);
        }

        return new PluginPackageRequest { Install = install, Update = update, Remove = remove, IncludePrerelease = prerelease };
    }

    private static void ForEach(JsonNode? value, string pointer, List<CrmError> errors, Action<JsonNode?, string> read)
    {
        if (value is not JsonArray array)
        {
            errors.Add(ApiErrors.ExpectedObjectOrArray(pointer));
            return;
        }

        for (var i = 0; i < array.Count; i++)
        {
            read(array[i], $"{pointer}/{i}");
        }
    }

    private static void AddString(JsonNode? item, string pointer, List<string> list, List<CrmError> errors)
    {
        if (item is JsonValue v && v.TryGetValue<string>(out var text))
        {
            list.Add(text);
        }
        else
        {
            errors.Add(ApiErrors.ExpectedString(pointer));
        }
    }
}
