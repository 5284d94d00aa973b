using System.Globalization;
using System.Text.Json;
using CrmKit.AspNetCore.Http;
using CrmKit.AspNetCore.Json;
using CrmKit.AspNetCore.Problems;
using CrmKit.Core.Modules;
using CrmKit.Sdk.Integrations;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Primitives;

namespace CrmKit.AspNetCore.Endpoints;

/// <summary>
/// <c>GET /api/integrations/egrul/{innOrOgrn}</c>: looks a company or an individual entrepreneur up in EGRUL/EGRIP
/// through the registry-lookup plugin that is loaded (<see cref="IRegistryLookup"/>; <c>?provider=</c> picks one when
/// several are). Query parameters: <c>kpp</c> (one subdivision), <c>branch</c> (<c>main</c> or <c>branch</c>),
/// <c>refresh=true</c> (past the provider's cache), <c>raw=true</c> (the provider's answer per entry). The provider
/// checks the identifier before any network call (400 with the reason); "not found" is <c>404 egrul.not_found</c>;
/// a provider that is down, rate-limited or refuses its credentials answers 503 with its own code.
/// </summary>
internal static class RegistryLookupEndpoints
{
    public static void Map(IEndpointRouteBuilder endpoints) => endpoints.MapGet("/api/integrations/egrul/{innOrOgrn}", LookupAsync);

    private static async Task<IResult> LookupAsync(HttpContext context, string innOrOgrn)
    {
        var principal = await ApiRequest.GetPrincipalAsync(context);
        var kpp = Single(context, "kpp");
        RegistryBranchType? branch = Single(context, "branch") switch
        {
            null => null,
            "main" => RegistryBranchType.HeadOffice,
            "branch" => RegistryBranchType.Branch,
            _ => throw ApiErrors.InvalidBranch(),
        };
        var refresh = Boolean(context, "refresh");
        var raw = Boolean(context, "raw");
        var lookup = Provider(context, Single(context, "provider"));

        var entries = await lookup.LookupAsync(
            new RegistryLookupRequest { Query = innOrOgrn, Kpp = kpp, BranchType = branch, BypassCache = refresh, Principal = principal },
            context.RequestAborted);
        if (entries.Count == 0)
        {
            throw ApiErrors.RegistryEntryNotFound(innOrOgrn);
        }

        return new JsonWriterResult(StatusCodes.Status200OK, w =>
        {
            w.WriteStartObject();
            w.WriteString("provider", lookup.Descriptor.Name);
            w.WriteStartArray("items");
            foreach (var entry in entries)
            {
                Write(w, entry, raw);
            }

            w.WriteEndArray();
            w.WriteEndObject();
        });
    }

    private static IRegistryLookup Provider(HttpContext context, string? name)
    {
        var extensions = ApiRequest.GetService<ICrmExtensions>(context);
        if (name is not null)
        {
            return extensions.TryGet<IRegistryLookup>(name, out var named) ? named : throw ApiErrors.UnknownRegistryLookup(name);
        }

        return extensions.GetAll<IRegistryLookup>() is [var first, ..] ? first : throw ApiErrors.NoRegistryLookup();
    }

    private static void Write(Utf8JsonWriter w, RegistryCompany entry, bool raw)
    {
        w.WriteStartObject();
        w.WriteString("kind", entry.Kind == RegistryCompanyKind.IndividualEntrepreneur ? "individual_entrepreneur" : "legal_entity");
        w.WriteString("inn", entry.Inn);
        w.WriteString("kpp", entry.Kpp);
        w.WriteString("ogrn", entry.Ogrn);
        w.WriteString("okpo", entry.Okpo);
        w.WriteString("shortName", entry.ShortName);
        w.WriteString("fullName", entry.FullName);
        w.WriteString("legalForm", entry.LegalForm);
        w.WriteString("legalFormCode", entry.LegalFormCode);
        w.WriteString("branchType", entry.BranchType switch
        {
            RegistryBranchType.HeadOffice => "main",
            RegistryBranchType.Branch => "branch",
            _ => null,
        });
        w.WriteString("registrationDate", entry.RegistrationDate?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        w.WriteString("liquidationDate", entry.LiquidationDate?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        w.WriteString("status", entry.Status);
        w.WriteBoolean("windingDown", RegistryCompanyStatuses.IsWindingDown(entry.Status));
        w.WriteString("legalAddress", entry.LegalAddress);
        w.WriteString("directorName", entry.DirectorName);
        w.WriteString("directorPost", entry.DirectorPost);
        w.WriteString("mainOkved", entry.MainOkved);
        if (raw)
        {
            w.WritePropertyName("raw");
            entry.Raw.WriteTo(w);
        }

        w.WriteEndObject();
    }

    private static string? Single(HttpContext context, string parameter)
    {
        StringValues values = context.Request.Query[parameter];
        return values.Count switch
        {
            0 => null,
            1 => string.IsNullOrEmpty(values[0]) ? null : values[0],
            _ => throw ApiErrors.DuplicateParameter(parameter),
        };
    }

    private static bool Boolean(HttpContext context, string parameter) => Single(context, parameter) switch
    {
        null or "false" => false,
        "true" => true,
        _ => throw ApiErrors.InvalidBoolean(parameter),
    };
}
