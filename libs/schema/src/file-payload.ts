/** What the API tells about an uploaded file (`POST /api/files`, `GET /api/files/:id/info`). */
export interface FileInfo {
  id: number;
  name: string;
  contentType: string;
  size: number;
  sha256: string;
  uploadedAt: string;
}
