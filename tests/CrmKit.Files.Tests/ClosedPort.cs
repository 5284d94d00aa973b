using System.Net;
using System.Net.Sockets;

namespace CrmKit.Files.Tests;

/// <summary>A loopback port nothing listens on (bound for a moment, then released).</summary>
internal static class ClosedPort
{
    public static int Get()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }
}
