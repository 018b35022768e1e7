package dev.attest.designer;

import java.io.IOException;
import java.util.List;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;

/**
 * {@code /api/v1/designer}: deployed versions, their files, and deploying a BPMN or DMN file through the same
 * guard, engine validation, record and audit as the designer's browser deployments.
 */
@RestController
@RequestMapping(path = "/api/v1/designer", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Designer")
class DesignerController {

    private final Designer designer;

    DesignerController(Designer designer) {
        this.designer = designer;
    }

    @GetMapping("/models")
    @Operation(summary = "Every deployed version of every process and decision (DESIGNER or ADMIN)")
    List<DeployedModel> models() {
        return designer.deployed();
    }

    @GetMapping(path = "/models/{id}/xml", produces = MediaType.APPLICATION_XML_VALUE)
    @Operation(summary = "The file a version was deployed from, to commit to the repository's bpmn/ folder")
    @ApiResponse(responseCode = "404", description = "No such version")
    String xml(@PathVariable String id) {
        return designer.xml(id);
    }

    @PostMapping(path = "/deployments", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @Operation(summary = "Deploy one .bpmn or .dmn file as a new version (DESIGNER)", description = """
            The deployment guard reads the file as the engine does and refuses Camunda extensions outside its \
            allow-list (Java classes, task types such as shell or external, connectors, fields, scripts, custom \
            form validators, ...), DOCTYPE declarations, oversized files and any expression (after comments, CDATA \
            and character references are resolved) beyond process variables, literals, operators, four execution \
            properties and direct calls of Attest's process beans; the engine's parser must accept the model. A \
            refusal answers 422 with every problem under `violations` (with the element id and line) and deploys \
            nothing.""")
    @ApiResponse(responseCode = "201", description = "Deployed; the new versions, the file's SHA-256, the changes, and "
            + "under replaced the versions they replace with the running instances that stay on them")
    @ApiResponse(responseCode = "422", description = "Refused; nothing deployed")
    @ApiResponse(responseCode = "403", description = "Not a designer")
    ResponseEntity<Designer.Deployed> deploy(@RequestPart("file") MultipartFile file) throws IOException {
        return ResponseEntity.status(HttpStatus.CREATED).body(designer.deployFile(file.getOriginalFilename(),
                file.getBytes()));
    }
}
