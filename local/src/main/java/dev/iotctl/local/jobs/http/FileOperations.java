package dev.iotctl.local.jobs.http;

import dev.iotctl.core.jobs.S3Location;
import dev.iotctl.local.http.server.ApiRequest;
import dev.iotctl.local.http.server.ApiResponse;
import dev.iotctl.local.http.server.Plane;
import dev.iotctl.local.http.server.Route;
import dev.iotctl.local.http.server.RouteProvider;
import dev.iotctl.local.jobs.FileStore;
import dev.iotctl.local.jobs.PresignedUrls;
import java.util.List;
import java.util.Map;

/**
 * {@code GET /files/{bucket}/{key}}: a {@code DIR/files} object, for a request carrying one of the
 * stand-in's valid pre-signed signatures (what job documents' {@code ${aws:iot:s3-presigned-url:…}}
 * placeholders become).
 */
public final class FileOperations implements RouteProvider {
  private final FileStore files;
  private final PresignedUrls presigner;

  public FileOperations(FileStore files, PresignedUrls presigner) {
    this.files = files;
    this.presigner = presigner;
  }

  @Override
  public List<Route> routes() {
    return List.of(Route.of("GET", "/files/{bucket}/{key}", "GetObject", Plane.FILES, this::get));
  }

  private ApiResponse get(ApiRequest request) {
    S3Location location = new S3Location(request.path("bucket"), request.path("key"));
    presigner.verify(location, request::query);
    byte[] content = files.read(location, FileStore.MAX_SIZE);
    return new ApiResponse(200, Map.of("Content-Type", "application/octet-stream"), content);
  }
}
