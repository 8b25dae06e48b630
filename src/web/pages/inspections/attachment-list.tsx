import { Image } from "antd";
import type { InspectionView } from "../../api/inspections";

type Attachment = InspectionView["attachments"][number];

/**
 * The files attached to a checklist item or a finding: photos as thumbnails that open full size (the preview steps
 * through them), each with its name to download it; any other file as a plain download link.
 */
export function AttachmentList({ items, urlOf }: { items: Attachment[]; urlOf: (id: string) => string }) {
  const images = items.filter((a) => a.type.startsWith("image/"));
  const files = items.filter((a) => !a.type.startsWith("image/"));
  return (
    <>
      {images.length > 0 && (
        <Image.PreviewGroup>
          <ul className="attachment-thumbs">
            {images.map((a) => (
              <li key={a.id} className="attachment-thumb">
                <Image src={urlOf(a.id)} alt={a.name} width={96} height={96} />
                <a href={urlOf(a.id)} className="attachment-name" title={a.name}>
                  {a.name}
                </a>
              </li>
            ))}
          </ul>
        </Image.PreviewGroup>
      )}
      {files.length > 0 && (
        <ul className="check-photos">
          {files.map((a) => (
            <li key={a.id}>
              <a href={urlOf(a.id)}>{a.name}</a>
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
