namespace CrmKit.Sdk.Integrations;

/// <summary>
/// The registry statuses known today, as they appear in <see cref="RegistryCompany.Status"/>. Providers may return
/// others; keep unknown values as they are.
/// </summary>
public static class RegistryCompanyStatuses
{
    /// <summary>The company operates.</summary>
    public const string Active = "ACTIVE";

    /// <summary>The company is being liquidated.</summary>
    public const string Liquidating = "LIQUIDATING";

    /// <summary>The company was liquidated.</summary>
    public const string Liquidated = "LIQUIDATED";

    /// <summary>The company is bankrupt.</summary>
    public const string Bankrupt = "BANKRUPT";

    /// <summary>The company is being reorganized.</summary>
    public const string Reorganizing = "REORGANIZING";

    /// <summary>
    /// Tells whether a status means the company has stopped or is stopping business, so that the record should be
    /// flagged to users.
    /// </summary>
    /// <param name="status">The status; null or unknown values are not flagged.</param>
    /// <returns>True for liquidating, liquidated and bankrupt companies.</returns>
    public static bool IsWindingDown(string? status) =>
        string.Equals(status, Liquidating, StringComparison.OrdinalIgnoreCase) ||
        string.Equals(status, Liquidated, StringComparison.OrdinalIgnoreCase) ||
        string.Equals(status, Bankrupt, StringComparison.OrdinalIgnoreCase);
}
