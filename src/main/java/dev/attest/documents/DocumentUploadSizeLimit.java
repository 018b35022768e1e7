package dev.attest.documents;

import org.springframework.stereotype.Component;
import org.springframework.util.unit.DataSize;

import dev.attest.communication.UploadSizeLimit;

/** Tells the client e-mails the size limit that uploads enforce ({@code attest.documents.max-size}). */
@Component
class DocumentUploadSizeLimit implements UploadSizeLimit {

    private final DocumentSettings settings;

    DocumentUploadSizeLimit(DocumentSettings settings) {
        this.settings = settings;
    }

    @Override
    public DataSize maxFileSize() {
        return settings.maxSize();
    }
}
