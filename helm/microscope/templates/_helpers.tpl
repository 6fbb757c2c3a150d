{{/*
Names and labels of every object of the chart, in one place.
*/}}

{{/* The chart's name, overridable with nameOverride. */}}
{{- define "microscope.name" -}}
{{- default .Chart.Name .Values.nameOverride | trunc 63 | trimSuffix "-" }}
{{- end }}

{{/*
The release's base name: fullnameOverride, else the release name when it already contains the
chart's name, else "<release>-<chart>". Kept within 63 characters (DNS label).
*/}}
{{- define "microscope.fullname" -}}
{{- if .Values.fullnameOverride }}
{{- .Values.fullnameOverride | trunc 63 | trimSuffix "-" }}
{{- else }}
{{- $name := default .Chart.Name .Values.nameOverride }}
{{- if contains $name .Release.Name }}
{{- .Release.Name | trunc 63 | trimSuffix "-" }}
{{- else }}
{{- printf "%s-%s" .Release.Name $name | trunc 63 | trimSuffix "-" }}
{{- end }}
{{- end }}
{{- end }}

{{/* Name of the operator's Deployment, Service, ServiceAccount and Roles: "<fullname>-operator". */}}
{{- define "microscope.operatorName" -}}
{{- printf "%s-operator" (include "microscope.fullname" . | trunc 54 | trimSuffix "-") }}
{{- end }}

{{/*
Name of cluster-scoped objects (ClusterRole, ClusterRoleBinding): the namespace is part of it, so
releases of the same name in two namespaces do not collide.
*/}}
{{- define "microscope.clusterName" -}}
{{- printf "%s-%s" (include "microscope.operatorName" .) .Release.Namespace }}
{{- end }}

{{- define "microscope.chart" -}}
{{- printf "%s-%s" .Chart.Name .Chart.Version | replace "+" "_" | trunc 63 | trimSuffix "-" }}
{{- end }}

{{/* Labels of every object but the component. */}}
{{- define "microscope.commonLabels" -}}
helm.sh/chart: {{ include "microscope.chart" . }}
app.kubernetes.io/name: {{ include "microscope.name" . }}
app.kubernetes.io/instance: {{ .Release.Name }}
app.kubernetes.io/version: {{ .Chart.AppVersion | quote }}
app.kubernetes.io/managed-by: {{ .Release.Service }}
app.kubernetes.io/part-of: microscope
{{- end }}

{{/* Labels of the operator and what serves it (RBAC, Service, Secret, ServiceMonitor). */}}
{{- define "microscope.labels" -}}
{{ include "microscope.commonLabels" . }}
app.kubernetes.io/component: operator
{{- end }}

{{/* The stable subset that selects the operator's pods; never changes after install. */}}
{{- define "microscope.selectorLabels" -}}
app.kubernetes.io/name: {{ include "microscope.name" . }}
app.kubernetes.io/instance: {{ .Release.Name }}
app.kubernetes.io/component: operator
{{- end }}

{{- define "microscope.serviceAccountName" -}}
{{- if .Values.serviceAccount.create }}
{{- default (include "microscope.operatorName" .) .Values.serviceAccount.name }}
{{- else }}
{{- required "serviceAccount.name is required when serviceAccount.create is false" .Values.serviceAccount.name }}
{{- end }}
{{- end }}

{{/* "repository:tag", the tag defaulting to the chart's appVersion. */}}
{{- define "microscope.image" -}}
{{- printf "%s:%s" .image.repository (default .appVersion .image.tag) }}
{{- end }}

{{/* Leader election is on when asked for, and always with more than one replica. */}}
{{- define "microscope.leaderElection" -}}
{{- if or .Values.leaderElection.enabled (gt (int .Values.replicaCount) 1) }}true{{ end }}
{{- end }}

{{- define "microscope.leaseName" -}}
{{- default (include "microscope.operatorName" .) .Values.leaderElection.leaseName }}
{{- end }}

{{/* The Secret holding the Alertmanager webhook's bearer token, and its key. */}}
{{- define "microscope.webhookSecretName" -}}
{{- default (printf "%s-webhook" (include "microscope.operatorName" .)) .Values.webhook.existingSecret }}
{{- end }}

{{- define "microscope.webhookSecretKey" -}}
{{- if .Values.webhook.existingSecret }}{{ .Values.webhook.existingSecretKey }}{{ else }}token{{ end }}
{{- end }}

{{/* Where the Alertmanager webhook listens, as Alertmanager in the cluster reaches it. */}}
{{- define "microscope.webhookUrl" -}}
{{- printf "http://%s.%s.svc:%v/alertmanager" (include "microscope.operatorName" .) .Release.Namespace .Values.service.port }}
{{- end }}

{{/* The operator's RBAC rules: files/operator-rbac.yaml, the single source of what it may call. */}}
{{- define "microscope.rbacRules" -}}
{{- .Files.Get "files/operator-rbac.yaml" | fromYaml | toJson }}
{{- end }}
