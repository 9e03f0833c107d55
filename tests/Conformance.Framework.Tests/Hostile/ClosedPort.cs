using System.Net;
using System.Net.Sockets;

namespace Conformance.Framework.Tests.Hostile;

/// <summary>
/// A loopback port nothing listens on while this lives: bound and never listened to, so a connection is refused and
/// no other server (the other test assemblies start many on port 0) can take the port in the meantime, as a port
/// released right after it was found free could be.
/// </summary>
internal sealed class ClosedPort : IDisposable
{
    private readonly Socket socket = new(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);

    public ClosedPort()
    {
        socket.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        Port = ((IPEndPoint)socket.LocalEndPoint!).Port;
    }

    public int Port { get; }

    public void Dispose() => socket.Dispose();
}
