/** A multipart/form-data body with one file field named `file`, and its content type. */
export function multipartFile(fileName: string, content: Buffer, mime: string): { payload: Buffer; contentType: string } {
  const boundary = `----zy${Math.random().toString(16).slice(2)}`;
  const payload = Buffer.concat([
    Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${fileName}"\r\nContent-Type: ${mime}\r\n\r\n`),
    content,
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ]);
  return { payload, contentType: `multipart/form-data; boundary=${boundary}` };
}
