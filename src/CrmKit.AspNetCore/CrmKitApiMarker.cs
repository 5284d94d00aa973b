namespace CrmKit.AspNetCore;

/// <summary>Registered by <c>AddCrmKitApi</c>, so <c>MapCrmKit</c> can tell the services are there.</summary>
internal sealed class CrmKitApiMarker;
