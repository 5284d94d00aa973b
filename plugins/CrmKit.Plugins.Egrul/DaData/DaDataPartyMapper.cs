using System.Text.Json;
using System.Text.Json.Nodes;
using CrmKit.Sdk.Integrations;

namespace CrmKit.Plugins.Egrul.DaData;

/// <summary>
/// Turns one DaData party suggestion (<c>{"value", "unrestricted_value", "data": {...}}</c>) into a
/// <see cref="RegistryCompany"/>. Every block but the INN may be missing (a company without <c>address</c>, an
/// entrepreneur without <c>management</c>); values of an unexpected JSON kind count as missing; the status is kept as
/// DaData gives it, including values this code does not know.
/// </summary>
internal static class DaDataPartyMapper
{
    /// <summary>Moscow is UTC+3 all year since 2014; DaData's dates are midnights in milliseconds since the epoch.</summary>
    private static readonly TimeSpan MoscowOffset = TimeSpan.FromHours(3);

    /// <summary>Maps a suggestion; null when it has no INN (it then cannot be used).</summary>
    /// <param name="suggestion">The suggestion.</param>
    /// <returns>The entry, or null.</returns>
    public static RegistryCompany? Map(JsonNode? suggestion)
    {
        if (suggestion is not JsonObject item || item["data"] is not JsonObject data || Text(data["inn"]) is not { } inn)
        {
            return null;
        }

        var individual = string.Equals(Text(data["type"]), "INDIVIDUAL", StringComparison.OrdinalIgnoreCase);
        var name = data["name"] as JsonObject;
        var opf = data["opf"] as JsonObject;
        var state = data["state"] as JsonObject;
        var management = data["management"] as JsonObject;
        var shortName = Text(name?["short_with_opf"]) ?? Text(item["value"]) ?? Text(name?["full_with_opf"]) ?? inn;
        var fullName = Text(name?["full_with_opf"]) ?? Text(item["unrestricted_value"]) ?? shortName;
        return new RegistryCompany
        {
            Kind = individual ? RegistryCompanyKind.IndividualEntrepreneur : RegistryCompanyKind.LegalEntity,
            Inn = inn,
            Kpp = individual ? null : Text(data["kpp"]),
            Ogrn = Text(data["ogrn"]),
            Okpo = Text(data["okpo"]),
            ShortName = shortName,
            FullName = fullName,
            LegalForm = Text(opf?["short"]),
            LegalFormCode = Text(opf?["code"]),
            BranchType = BranchType(Text(data["branch_type"])),
            RegistrationDate = Date(state?["registration_date"]) ?? Date(data["ogrn_date"]),
            LiquidationDate = Date(state?["liquidation_date"]),
            Status = Text(state?["status"]),
            LegalAddress = data["address"] is JsonObject address ? Text(address["unrestricted_value"]) ?? Text(address["value"]) : null,
            DirectorName = individual ? PersonName(data["fio"] as JsonObject) ?? Text(name?["full"]) : Text(management?["name"]),
            DirectorPost = individual ? null : Text(management?["post"]),
            MainOkved = Text(data["okved"]),
            Raw = (JsonObject)item.DeepClone(),
        };
    }

    private static RegistryBranchType? BranchType(string? value) => value?.ToUpperInvariant() switch
    {
        "MAIN" => RegistryBranchType.HeadOffice,
        "BRANCH" => RegistryBranchType.Branch,
        _ => null,
    };

    private static string? PersonName(JsonObject? fio)
    {
        if (fio is null)
        {
            return null;
        }

        var parts = new[] { Text(fio["surname"]), Text(fio["name"]), Text(fio["patronymic"]) }.Where(p => p is not null);
        var joined = string.Join(' ', parts);
        return joined.Length == 0 ? null : joined;
    }

    private static string? Text(JsonNode? node) =>
        node is JsonValue value && value.GetValueKind() == JsonValueKind.String && value.GetValue<string>() is { } text &&
        !string.IsNullOrWhiteSpace(text)
            ? text.Trim()
            : null;

    private static DateOnly? Date(JsonNode? node)
    {
        if (node is not JsonValue value || value.GetValueKind() != JsonValueKind.Number || !value.TryGetValue<long>(out var milliseconds))
        {
            return null;
        }

        if (milliseconds < -62_135_596_800_000L || milliseconds > 253_402_300_799_000L)
        {
            return null;
        }

        return DateOnly.FromDateTime(DateTimeOffset.FromUnixTimeMilliseconds(milliseconds).ToOffset(MoscowOffset).DateTime);
    }
}
