using System.Diagnostics.CodeAnalysis;
using System.Text.Json.Nodes;
using CrmKit.Sdk.Errors;
using CrmKit.Sdk.Security;
using CrmKit.Sdk.Settings;

namespace CrmKit.Core.Settings;

/// <summary>
/// The settings of modules and plugins: each declares a JSON Schema (<see cref="SettingsBuilderExtensions.AddSettings"/>);
/// administrators read and save values through this service (the REST API and the CLI do), and the module reads them
/// through <see cref="IModuleSettings"/>. Values are stored under the key <c>module:&lt;id&gt;</c> and validated on every
/// save; top-level properties marked <c>"writeOnly": true</c> are secrets, never returned.
/// </summary>
/// <remarks>
/// Modules added in code that call <c>AddSettings</c> are registered automatically (the service picks up every
/// <see cref="ModuleSettingsSchema"/> in the host's services); plugin runtimes call <see cref="RegisterSchema"/> when
/// they activate a plugin, and keep the schema registered while it is disabled so its settings can be prepared;
/// <see cref="Unregister"/> is for a module that is removed for good.
/// </remarks>
public interface IModuleSettingsService
{
    /// <summary>
    /// Registers (or replaces) a module's settings schema, compiling it once. Registering the same schema again does
    /// nothing, so a caller may register what was already picked up.
    /// </summary>
    /// <param name="moduleId">The module (plugin) id; it must equal <see cref="ModuleSettingsSchema.ModuleId"/>.</param>
    /// <param name="schema">The schema.</param>
    /// <exception cref="CrmException">
    /// The schema uses something the validator does not support (<see cref="SettingsErrorCodes.InvalidSchema"/>).
    /// </exception>
    void RegisterSchema(string moduleId, ModuleSettingsSchema schema);

    /// <summary>Forgets a module's schema (its stored values stay); unknown ids are ignored.</summary>
    /// <param name="moduleId">The module id.</param>
    void Unregister(string moduleId);

    /// <summary>Tells whether a module has registered a settings schema.</summary>
    /// <param name="moduleId">The module id.</param>
    /// <returns>True when <see cref="RegisterSchema"/> was called for it (and not undone).</returns>
    bool HasSchema(string moduleId);

    /// <summary>Reads a module's saved settings, without secrets.</summary>
    /// <param name="moduleId">The module id.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The values, which secrets are set, the version and the schema.</returns>
    /// <exception cref="CrmException">The module has no schema (<see cref="SettingsErrorCodes.ModuleNotFound"/>).</exception>
    Task<ModuleSettingsView> GetAsync(string moduleId, CancellationToken cancellationToken);

    /// <summary>
    /// Validates and saves a module's settings. <paramref name="values"/> replaces every non-secret value; a secret left
    /// out keeps its stored value and a secret given as null is cleared (any other null also means "not set").
    /// </summary>
    /// <param name="moduleId">The module id.</param>
    /// <param name="values">The new values.</param>
    /// <param name="expectedVersion">The version the caller read (0: never saved); null to skip the check.</param>
    /// <param name="principal">Who saves.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The saved settings, without secrets.</returns>
    /// <exception cref="CrmException">
    /// <see cref="SettingsErrorCodes.Invalid"/> (one error per violation, with its JSON pointer; nothing is written),
    /// <see cref="SettingsErrorCodes.VersionConflict"/> or <see cref="SettingsErrorCodes.ModuleNotFound"/>.
    /// </exception>
    Task<ModuleSettingsView> SaveAsync(
        string moduleId, JsonObject values, long? expectedVersion, CrmPrincipal principal, CancellationToken cancellationToken);

    /// <summary>
    /// Returns the <see cref="IModuleSettings"/> a module reads its settings through: the latest saved values, kept in
    /// memory and refreshed by every save made through this service.
    /// </summary>
    /// <param name="moduleId">The module id.</param>
    /// <returns>The module's settings reader (the same instance for the same id).</returns>
    [SuppressMessage("Naming", "CA1716", Justification = "Reads as settings.For(id); hosts use the default implementation.")]
    IModuleSettings For(string moduleId);
}
