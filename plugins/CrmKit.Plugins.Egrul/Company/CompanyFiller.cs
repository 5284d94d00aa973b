using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using CrmKit.Plugins.Requisites.Identifiers;
using CrmKit.Sdk.Integrations;

namespace CrmKit.Plugins.Egrul.Company;

/// <summary>
/// Works out the changes that bring a company in line with its registry entry. Autofill only fills what is empty
/// (what a user typed stays); a refresh overwrites every registry-owned field but the display name. Identifiers that
/// fail the requisites plugin's checks are skipped, so registry data never makes a save fail.
/// </summary>
internal static class CompanyFiller
{
    private const int AddressMaxLength = 1000;
    private const int PersonMaxLength = 300;
    private const int LegalNameMaxLength = 500;

    /// <summary>The name a company gets while its registry data is pending or unknown: <c>ИНН 7707083893</c>.</summary>
    /// <param name="inn">The INN.</param>
    /// <returns>The name.</returns>
    public static string PlaceholderName(string inn) => "ИНН " + inn;

    /// <summary>Whether a name is empty or the placeholder of the INN.</summary>
    public static bool IsEmptyName(string? name, string? inn) =>
        string.IsNullOrWhiteSpace(name) || (inn is not null && string.Equals(name, PlaceholderName(inn), StringComparison.Ordinal));

    /// <summary>The changes for a registry entry.</summary>
    /// <param name="entry">The registry entry.</param>
    /// <param name="current">The company's values as they are (stored values with the pending change applied).</param>
    /// <param name="overwrite">Overwrite registry-owned fields (refresh) instead of filling empty ones (autofill).</param>
    /// <param name="overwriteName">Also replace a display name that is not empty.</param>
    /// <param name="now">The time of the check.</param>
    /// <returns>The values to write.</returns>
    public static JsonObject Changes(RegistryCompany entry, Func<string, string?> current, bool overwrite, bool overwriteName, DateTimeOffset now)
    {
        var changes = new JsonObject();
        void Set(string field, string? value, bool force = false)
        {
            if (value is null)
            {
                return;
            }

            if (force || overwrite || string.IsNullOrWhiteSpace(current(field)))
            {
                if (!string.Equals(current(field), value, StringComparison.Ordinal))
                {
                    changes[field] = value;
                }
            }
        }

        var inn = current(CompanyFields.Inn) ?? entry.Inn;
        if (overwriteName || IsEmptyName(current(CompanyFields.Name), inn))
        {
            Set(CompanyFields.Name, entry.ShortName, force: true);
        }

        var individual = entry.Kind == RegistryCompanyKind.IndividualEntrepreneur;
        Set(CompanyFields.LegalName, Cut(entry.FullName, LegalNameMaxLength));
        Set(CompanyFields.Kind, individual ? CompanyFields.IndividualEntrepreneur : CompanyFields.LegalEntity);
        if (RussianIdentifiers.CheckInn(entry.Inn) == IdentifierError.None && current(CompanyFields.Inn) is null)
        {
            changes[CompanyFields.Inn] = entry.Inn;
        }

        if (individual)
        {
            Set(CompanyFields.Ogrnip, Valid(entry.Ogrn, v => RussianIdentifiers.CheckOgrnip(v)));
            if (overwrite)
            {
                // An entrepreneur has no KPP and no OGRN: a refresh that finds one clears what contradicts it.
                Clear(changes, current, CompanyFields.Kpp);
                Clear(changes, current, CompanyFields.Ogrn);
            }
        }
        else
        {
            Set(CompanyFields.Kpp, Valid(entry.Kpp, v => RussianIdentifiers.CheckKpp(v)));
            Set(CompanyFields.Ogrn, Valid(entry.Ogrn, v => RussianIdentifiers.CheckOgrn(v)));
            if (overwrite)
            {
                Clear(changes, current, CompanyFields.Ogrnip);
            }
        }

        Set(CompanyFields.Okpo, Valid(entry.Okpo, v => RussianIdentifiers.CheckOkpo(v)));
        Set(CompanyFields.LegalAddress, Cut(entry.LegalAddress, AddressMaxLength));
        Set(CompanyFields.DirectorName, Cut(entry.DirectorName, PersonMaxLength));
        Set(CompanyFields.DirectorPost, Cut(entry.DirectorPost, PersonMaxLength));

        // The registry's own fields always follow the registry.
        changes[CompanyFields.Status] = entry.Status;
        changes[CompanyFields.Inactive] = RegistryCompanyStatuses.IsWindingDown(entry.Status);
        changes[CompanyFields.RegistrationDate] = entry.RegistrationDate?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        changes[CompanyFields.LiquidationDate] = entry.LiquidationDate?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        changes[CompanyFields.Okved] = entry.MainOkved;
        changes[CompanyFields.CheckedAt] = Timestamp(now);
        changes[CompanyFields.SyncState] = CompanyFields.SyncOk;
        return changes;
    }

    /// <summary>A date-time field's value for <paramref name="now"/>.</summary>
    public static string Timestamp(DateTimeOffset now) =>
        now.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'", CultureInfo.InvariantCulture);

    /// <summary>Reads a text value of a record as it will be: the change's when it has the field, else the stored one.</summary>
    public static Func<string, string?> Merged(JsonObject target, JsonObject? stored) => field =>
    {
        var node = target.TryGetPropertyValue(field, out var written) ? written : stored?[field];
        if (node is not JsonValue value || value.GetValueKind() != JsonValueKind.String)
        {
            return null;
        }

        var text = value.GetValue<string>().Trim();
        return text.Length == 0 ? null : text;
    };

    private static void Clear(JsonObject changes, Func<string, string?> current, string field)
    {
        if (current(field) is not null)
        {
            changes[field] = null;
        }
    }

    private static string? Valid(string? value, Func<string, IdentifierError> check) =>
        value is not null && check(value) == IdentifierError.None ? value : null;

    private static string? Cut(string? value, int length) => value is null || value.Length <= length ? value : value[..length];
}
